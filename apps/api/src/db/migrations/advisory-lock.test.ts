import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { createDatabaseIfMissing, dropDatabase } from '#src/db/database.ts'
import { applyMigrations } from './migrator.ts'

const maintenanceUrl = inject('maintenanceUrl')
const name = `kakunin_test_lock_${Date.now()}`
afterAll(() => dropDatabase(maintenanceUrl, name))

describe('migrations at start-up with several instances', () => {
  it("wait for Prisma's advisory lock, so instances starting together apply them one after another", async () => {
    await createDatabaseIfMissing(maintenanceUrl, name)
    const url = new URL(maintenanceUrl)
    url.pathname = `/${name}`
    const holder = new pg.Client({ connectionString: url.toString() })
    await holder.connect()
    try {
      // Another instance migrating: it holds the lock `prisma migrate deploy` takes.
      await holder.query('SELECT pg_advisory_lock(72707369)')
      let done = false
      const applying = applyMigrations(url.toString()).finally(() => (done = true))
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(done).toBe(false)
      const { rows } = await holder.query<{ waiting: string }>(`SELECT count(*) AS waiting FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND NOT granted`)
      expect(rows[0]?.waiting).toBe('1')
      await holder.query('SELECT pg_advisory_unlock(72707369)')
      expect((await applying).length).toBeGreaterThan(10)
      // The next instance finds nothing left to apply.
      expect(await applyMigrations(url.toString())).toEqual([])
    } finally {
      await holder.end()
    }
  })
})
