import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// The config file is evaluated in the runner and again in every worker; workers inherit the
// runner's environment, so values chosen once here are the same everywhere.
process.env.E2E_PORT ??= '3999'
process.env.E2E_POSTGRES_PORT ??= '54329'
if (!process.env.E2E_DATA_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-e2e-'))
  fs.chmodSync(dir, 0o755) // as root, PostgreSQL runs as its own user and must enter it
  process.env.E2E_DATA_DIR = dir
}

export const e2e = {
  port: Number(process.env.E2E_PORT),
  baseURL: `http://127.0.0.1:${process.env.E2E_PORT}`,
  postgresPort: Number(process.env.E2E_POSTGRES_PORT),
  dataDir: process.env.E2E_DATA_DIR,
  /** The app's database inside the embedded PostgreSQL the server under test starts. */
  databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_POSTGRES_PORT}/kakunin`,
}

export { CHROMIUM_FLAGS, chromiumPath } from '@kakunin/test-data/chromium'
