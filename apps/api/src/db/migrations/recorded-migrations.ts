import { createHash } from 'node:crypto'
import pg from 'pg'
import type { MigrationList } from '@prisma/schema-engine-wasm'

interface MigrationRow {
  migration_name: string
  checksum: string
  finished_at: Date | null
  rolled_back_at: Date | null
}

/**
 * True when `_prisma_migrations` records every migration of the list as applied, with the
 * checksum of its migration.sql as it is now, and holds no failed or unknown one: the schema engine
 * would apply nothing. Anything else (no table yet, a pending, failed, rolled-back, edited or
 * unknown migration) is false, and the engine decides and reports as it always does. One query
 * instead of instantiating the engine makes a start with nothing to migrate about 0.3 s shorter.
 */
export async function allRecordedAsApplied(url: string, list: MigrationList): Promise<boolean> {
  const expected = new Map<string, string>()
  for (const directory of list.migrationDirectories) {
    if (directory.migrationFile.content.tag !== 'ok') return false
    expected.set(directory.path, createHash('sha256').update(directory.migrationFile.content.value).digest('hex'))
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const table = await client.query<{ found: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS found`)
    if (!table.rows[0]?.found) return false
    const { rows } = await client.query<MigrationRow>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations')
    const applied = new Map<string, string>()
    for (const row of rows) {
      if (row.rolled_back_at !== null) continue
      if (row.finished_at === null || !expected.has(row.migration_name) || applied.has(row.migration_name)) return false
      applied.set(row.migration_name, row.checksum)
    }
    return applied.size === expected.size && [...expected].every(([name, checksum]) => applied.get(name) === checksum)
  } finally {
    await client.end()
  }
}
