import fs from 'node:fs'
import path from 'node:path'
import { createHash, randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import { createDatabaseIfMissing, dropDatabase } from '#src/db/database.ts'
import { privateDatabase } from '#src/test/private-database.ts'
import { applyMigrations, migrationStatus, pendingSchemaChanges } from './migrator.ts'
import { migrationsDir, readMigrations } from './migration-files.ts'
import { allRecordedAsApplied } from './recorded-migrations.ts'

/** A database with nothing in it yet, on the run's server. */
async function emptyDatabase() {
  const maintenanceUrl = inject('maintenanceUrl')
  const name = `kakunin_empty_${randomBytes(6).toString('hex')}`
  await createDatabaseIfMissing(maintenanceUrl, name)
  const url = new URL(maintenanceUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => dropDatabase(maintenanceUrl, name) }
}

const migrationNames = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

describe('migrations', () => {
  it('agree with schema.prisma (run `pnpm db:migration:create <name>` when this fails)', async () => {
    const sql = await pendingSchemaChanges(inject('databaseUrl'))
    expect(sql, `schema.prisma has changes no migration holds:\n${sql}`).toBe('')
  })

  it('are recorded in Prisma’s own _prisma_migrations table with Prisma’s checksums', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') })
    await client.connect()
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
      )
      expect(rows.map((row) => row.migration_name)).toEqual(migrationNames)
      for (const row of rows) {
        const sql = fs.readFileSync(path.join(migrationsDir, row.migration_name, 'migration.sql'))
        expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'))
        expect(row.finished_at).not.toBeNull()
      }
    } finally {
      await client.end()
    }
  })

  it('report the database as up to date and apply nothing twice', async () => {
    const url = inject('databaseUrl')
    expect(await applyMigrations(url)).toEqual([])
    expect(await migrationStatus(url)).toMatchObject({ upToDate: true, pending: [], failed: [], edited: [] })
  })

  it('are applied all on an empty database, then found applied without the engine', async () => {
    const database = await emptyDatabase()
    try {
      expect(await applyMigrations(database.url)).toEqual(migrationNames)
      expect(await allRecordedAsApplied(database.url, readMigrations())).toBe(true)
      expect(await applyMigrations(database.url)).toEqual([])
    } finally {
      await database.drop()
    }
  })

  it('leave a failed or edited migration on record to the engine, which refuses to go on after a failure', async () => {
    const { url, drop } = await privateDatabase()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const last = migrationNames.at(-1)!
      await client.query(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = $1`, [last])
      expect(await allRecordedAsApplied(url, readMigrations())).toBe(false)
      await client.query(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1`, [last])
      expect(await allRecordedAsApplied(url, readMigrations())).toBe(false)
      await expect(applyMigrations(url)).rejects.toThrow(new RegExp(last))
    } finally {
      await client.end()
      await drop()
    }
  })

  it('report every migration as pending on an empty database', async () => {
    const admin = new pg.Client({ connectionString: inject('maintenanceUrl') })
    await admin.connect()
    const name = `kakunin_empty_${Date.now()}`
    await admin.query(`CREATE DATABASE ${name}`)
    try {
      const url = new URL(inject('maintenanceUrl'))
      url.pathname = `/${name}`
      expect(await migrationStatus(url.toString())).toMatchObject({ upToDate: false, pending: migrationNames })
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
      await admin.end()
    }
  })
})
