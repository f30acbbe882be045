import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { createDatabaseIfMissing, dropDatabase } from '#src/db/database.ts'
import { applyMigrations } from '#src/db/migrations/migrator.ts'

/**
 * A fresh migrated database on the run's server, for tests whose workers claim every due row:
 * on the shared database they would also send what earlier test files left behind.
 */
export async function privateDatabase() {
  const maintenanceUrl = inject('maintenanceUrl')
  const name = `kakunin_test_${randomBytes(6).toString('hex')}`
  await createDatabaseIfMissing(maintenanceUrl, name)
  const url = new URL(maintenanceUrl)
  url.pathname = `/${name}`
  await applyMigrations(url.toString())
  return { url: url.toString(), drop: () => dropDatabase(maintenanceUrl, name) }
}
