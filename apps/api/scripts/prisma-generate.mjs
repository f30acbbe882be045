// Generates the Prisma client at install time without downloading anything.
// `prisma generate` never runs the native schema engine, but the CLI tries to download it unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file; node's own executable is one on every machine.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

// The first script an install runs (plain JavaScript, so any Node can run it): say which Node the
// project needs before the next one, TypeScript run by Node itself, fails on an older one.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 18) || (major === 23 && minor < 6)) {
  console.error(`kakunin needs Node.js 24 LTS (or 22.18+, 23.6+), which runs TypeScript itself; this is ${process.version}. See the README's prerequisites.`)
  process.exit(1)
}

const cli = createRequire(import.meta.url).resolve('prisma/build/index.js')
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
}
const result = spawnSync(process.execPath, [cli, 'generate'], { env, stdio: 'inherit' })
if (result.error) console.error(result.error)
process.exit(result.status ?? 1)
