// pnpm db:migrate | db:migration:create <name> | db:status — Prisma's migrate commands, offline.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '#src/config/config.ts'
import { openDatabase } from '#src/db/database.ts'
import { applyMigrations, createMigration, migrationStatus } from './migrator.ts'

const usage = `Usage:
  pnpm db:migrate                      apply pending migrations
  pnpm db:migration:create <name>      write a migration with what schema.prisma adds
  pnpm db:status                       list pending, failed and edited migrations`

async function run(command: string | undefined, args: string[]): Promise<number> {
  if (command !== 'migrate' && command !== 'create' && command !== 'status') {
    console.error(usage)
    return 2
  }
  const name = args[0]
  if (command === 'create' && !name) {
    console.error('A name is required, e.g. pnpm db:migration:create add_inquiries')
    return 2
  }
  const config = loadConfig()
  const database = await openDatabase(config)
  try {
    if (command === 'migrate') {
      const applied = await applyMigrations(database.url)
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.')
      return 0
    }
    if (command === 'create' && name) {
      const created = await createMigration(database.url, name)
      if (!created) {
        console.log('schema.prisma and the migrations agree: nothing to create.')
        return 0
      }
      console.log(`Created ${created}`)
      // The client must match the schema the new migration describes.
      const generate = fileURLToPath(new URL('../../../scripts/prisma-generate.mjs', import.meta.url))
      return spawnSync(process.execPath, [generate], { stdio: 'inherit' }).status ?? 1
    }
    const status = await migrationStatus(database.url)
    console.log(`${status.total} migration(s) in prisma/migrations.`)
    for (const [label, names] of [
      ['Pending', status.pending],
      ['Failed', status.failed],
      ['Edited after being applied', status.edited],
      ['Applied but missing from prisma/migrations', status.unknown],
    ] as const) {
      if (names.length) console.log(`${label}: ${names.join(', ')}`)
    }
    console.log(status.upToDate ? 'Database schema is up to date.' : 'Database schema is NOT up to date.')
    return status.upToDate ? 0 : 1
  } finally {
    await database.stop()
  }
}

run(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
