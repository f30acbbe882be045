import { describe, expect, it } from 'vitest'
import { buildApp } from '#src/app.ts'
import { buildTestApp, testConfig } from '#src/test/test-app.ts'

describe('GET /api/health', () => {
  it('reports ok after querying the database', async () => {
    const app = await buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' })
    await app.close()
  })

  it('reports 503 in the error shape, without connection details, when the database is unreachable', async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    const app = await buildApp({
      config: testConfig(),
      databaseUrl: 'postgresql://nobody:secret@127.0.0.1:1/kakunin',
      logger: false,
    })
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(503)
    expect(response.json()).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: 'データベースに接続できません' } })
    expect(response.body).not.toMatch(/secret|ECONNREFUSED|127\.0\.0\.1/)
    await app.close()
  })
})
