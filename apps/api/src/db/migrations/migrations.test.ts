import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import { applyMigrations, migrationStatus, pendingSchemaChanges } from './migrator.ts'
import { migrationsDir } from './migration-files.ts'

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
