import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { TestProject } from 'vitest/node'
import { createDatabaseIfMissing, dropDatabase } from '#src/db/database.ts'
import { startEmbeddedPostgres, type EmbeddedCluster } from '#src/db/embedded-postgres.ts'
import { applyMigrations } from '#src/db/migrations/migrator.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    maintenanceUrl: string
  }
}

/**
 * A real PostgreSQL for the run and a throw-away database on it, migrated like production.
 * TEST_DATABASE_URL (or DATABASE_URL) names a server to use instead of starting an embedded one;
 * its user needs CREATEDB.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
  let cluster: EmbeddedCluster | undefined
  let dataDir: string | undefined
  let maintenanceUrl: string
  if (external) {
    const url = new URL(external)
    url.pathname = '/postgres'
    maintenanceUrl = url.toString()
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-api-test-'))
    fs.chmodSync(dataDir, 0o755) // as root, PostgreSQL runs as its own user and must enter it
    cluster = await startEmbeddedPostgres({ dataDir })
    maintenanceUrl = cluster.url('postgres')
  }
  const name = `kakunin_test_${randomBytes(6).toString('hex')}`
  try {
    await createDatabaseIfMissing(maintenanceUrl, name)
  } catch (error) {
    await cluster?.stop()
    throw unreachable(maintenanceUrl, external ? (process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'DATABASE_URL') : 'the embedded PostgreSQL', error)
  }
  const databaseUrl = new URL(maintenanceUrl)
  databaseUrl.pathname = `/${name}`
  await applyMigrations(databaseUrl.toString())

  project.provide('databaseUrl', databaseUrl.toString())
  project.provide('maintenanceUrl', maintenanceUrl)

  return async () => {
    await dropDatabase(maintenanceUrl, name).catch(() => {})
    await cluster?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * No API test can run without the database: the run must fail, loudly, naming the server (without
 * its password) and why, rather than end with zero tests.
 */
function unreachable(url: string, source: string, cause: unknown) {
  const where = new URL(url)
  const reason = cause instanceof Error ? `${(cause as { code?: string }).code ?? cause.name}: ${cause.message}` : String(cause)
  return new Error(
    `The API tests need PostgreSQL, and ${source} (${where.hostname}:${where.port || 5432}, user ${decodeURIComponent(where.username) || '(none)'}) ` +
      `could not be used: ${reason}. Start that server, point TEST_DATABASE_URL at one whose user has CREATEDB, or unset both ` +
      'TEST_DATABASE_URL and DATABASE_URL to use an embedded PostgreSQL.',
    { cause },
  )
}
