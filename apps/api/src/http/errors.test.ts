import { errorResponse } from '@kakunin/schema/errors'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '#src/test/test-app.ts'
import type { App } from '#src/app.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
  // A route that fails the way a bug would, to see what leaves the server. It declares its 500,
  // so the contract check holds the answer to the one error shape.
  app.get('/api/test-only/boom', { schema: { response: { 500: errorResponse } } }, async () => {
    throw new Error('connection to 10.0.0.5 failed: password authentication failed for user "kakunin"')
  })
})
afterAll(() => app.close())

describe('the error shape', () => {
  it('answers unknown API routes with a JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/does-not-exist' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toMatch(/application\/json/)
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } })
  })

  it('answers unknown methods on known paths with a JSON 404', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/api/applications' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('NOT_FOUND')
  })

  it('hides the details of a server error', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test-only/boom' })
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({ error: { code: 'INTERNAL_ERROR', message: expect.stringMatching(/エラー/) } })
    expect(response.body).not.toMatch(/10\.0\.0\.5|password|stack|at .*\.ts/)
  })
})
