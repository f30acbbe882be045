import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { buildApp } from '#src/app.ts'
import { createDatabaseIfMissing, dropDatabase } from '#src/db/database.ts'
import { privateDatabase } from '#src/test/private-database.ts'
import { buildTestApp, testConfig } from '#src/test/test-app.ts'

// Port 1 on loopback: nothing listens there, so every connection is refused at once.
const UNREACHABLE = 'postgresql://nobody:secret@127.0.0.1:1/kakunin'
const unreachableApp = () => buildApp({ config: testConfig(), databaseUrl: UNREACHABLE, logger: false })

const dropLater: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const drop of dropLater) await drop()
})

describe('GET /api/health', () => {
  it('reports ok after querying the database', async () => {
    const app = await buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' })
    await app.close()
  })

  it('reports 503 in the error shape, without connection details, when the database is unreachable', async () => {
    const app = await unreachableApp()
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(503)
    expect(response.json()).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: 'データベースに接続できません' } })
    expect(response.body).not.toMatch(/secret|ECONNREFUSED|127\.0\.0\.1/)
    await app.close()
  })
})

describe('GET /api/health/live', () => {
  it('answers without the database', async () => {
    const app = await unreachableApp()
    const response = await app.inject({ url: '/api/health/live' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
    await app.close()
  })
})

describe('GET /api/health/ready', () => {
  it('is ready when the database answers and every migration is applied', async () => {
    const app = await buildTestApp()
    const response = await app.inject({ url: '/api/health/ready' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok' })
    expect(response.headers['cache-control']).toBe('no-store')
    await app.close()
  })

  it('is not ready, with the reason and Retry-After, when the database is unreachable', async () => {
    const app = await unreachableApp()
    const response = await app.inject({ url: '/api/health/ready' })
    expect(response.statusCode).toBe(503)
    expect(response.headers['retry-after']).toBe('5')
    expect(response.json()).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: 'データベースに接続できません' } })
    expect(response.body).not.toMatch(/secret|ECONNREFUSED|127\.0\.0\.1|nobody/)
    await app.close()
  })

  it('is not ready while a migration of this release is not recorded as finished', async () => {
    const database = await privateDatabase()
    dropLater.push(database.drop)
    const pool = new pg.Pool({ connectionString: database.url, max: 1 })
    // The newest migration as if it had not been applied yet, and another as if it had failed half-way.
    const { rows } = await pool.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 2')
    await pool.query('DELETE FROM _prisma_migrations WHERE migration_name = $1', [rows[0]!.migration_name])
    const app = await buildTestApp({ databaseUrl: database.url })
    const pending = await app.inject({ url: '/api/health/ready' })
    expect(pending.statusCode).toBe(503)
    expect(pending.json()).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: 'データベースのマイグレーションが完了していません（未適用 1 件）' } })
    await app.close()

    await pool.query('UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1', [rows[1]!.migration_name])
    const failedToo = await buildTestApp({ databaseUrl: database.url })
    expect((await failedToo.inject({ url: '/api/health/ready' })).json().error.message).toBe('データベースのマイグレーションが完了していません（未適用 2 件）')
    await failedToo.close()
    await pool.end()
  })

  it('is not ready on a database never migrated', async () => {
    const maintenanceUrl = inject('maintenanceUrl')
    const name = `kakunin_test_unmigrated_${Date.now()}`
    await createDatabaseIfMissing(maintenanceUrl, name)
    dropLater.push(() => dropDatabase(maintenanceUrl, name))
    const url = new URL(maintenanceUrl)
    url.pathname = `/${name}`
    const app = await buildTestApp({ databaseUrl: url.toString() })
    const response = await app.inject({ url: '/api/health/ready' })
    expect(response.statusCode).toBe(503)
    expect(response.json().error).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'データベースにマイグレーションが適用されていません' })
    await app.close()
  })
})
