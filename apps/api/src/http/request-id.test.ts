import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildApp, type App } from '#src/app.ts'
import { testConfig } from '#src/test/test-app.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

let app: App
const lines: Record<string, unknown>[] = []
beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>)
      done()
    },
  })
  app = await buildApp({ config: testConfig({ LOG_LEVEL: 'info' }), databaseUrl: inject('databaseUrl'), logger: { level: 'info', stream }, outboxWorker: false })
})
afterAll(() => app.close())

describe('request ids', () => {
  it("keeps the caller's safe X-Request-Id, echoes it and logs the request under it", async () => {
    const id = 'lb-01:7f3a.9b_c-2'
    const response = await app.inject({ url: '/api/health/live', headers: { 'x-request-id': id } })
    expect(response.headers['x-request-id']).toBe(id)
    const logged = lines.filter((line) => line.reqId === id)
    expect(logged.map((line) => line.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']))
  })

  it.each([
    ['too long', 'a'.repeat(129)],
    ['a space', 'abc def'],
    ['an encoded newline', 'abc%0Adef'],
    ['quotes and braces', '"}{"msg":"forged'],
    ['an address', 'taro@example.com'],
    ['Japanese', '山田'],
    ['empty', ''],
  ])('replaces an id with %s by a random UUID', async (_label, given) => {
    const response = await app.inject({ url: '/api/health/live', headers: { 'x-request-id': given } })
    const id = response.headers['x-request-id']
    expect(id).toMatch(UUID)
    expect(id).not.toBe(given)
  })

  it('gives every request without one its own UUID', async () => {
    const [first, second] = await Promise.all([app.inject({ url: '/api/health/live' }), app.inject({ url: '/api/health/live' })])
    expect(first.headers['x-request-id']).toMatch(UUID)
    expect(second.headers['x-request-id']).toMatch(UUID)
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id'])
  })

  it('is on error responses too: 404, 400 from validation, 415, 401, and a router error', async () => {
    const responses = await Promise.all([
      app.inject({ url: '/api/staff/applications', headers: { 'x-request-id': 'req-401' } }),
      app.inject({ url: '/api/nothing-here', headers: { 'x-request-id': 'req-404' } }),
      app.inject({ method: 'POST', url: '/api/applications', headers: { 'x-request-id': 'req-400', 'content-type': 'application/json' }, payload: { flow: 'NOPE' } }),
      app.inject({ method: 'POST', url: '/api/applications', headers: { 'x-request-id': 'req-415', 'content-type': 'text/plain' }, payload: 'x' }),
      app.inject({ url: '/api/applications/%E0%A4%A', headers: { 'x-request-id': 'req-bad-url' } }),
    ])
    expect(responses.map((response) => [response.statusCode, response.headers['x-request-id']])).toEqual([
      [401, 'req-401'],
      [404, 'req-404'],
      [400, 'req-400'],
      [415, 'req-415'],
      [400, 'req-bad-url'],
    ])
    for (const response of responses) expect(response.json()).toHaveProperty('error.code')
  })

  it('is on a 503 of an unreachable database', async () => {
    const down = await buildApp({ config: testConfig(), databaseUrl: 'postgresql://nobody:secret@127.0.0.1:1/kakunin', logger: false })
    const response = await down.inject({ url: '/api/health/ready', headers: { 'x-request-id': 'req-503' } })
    expect([response.statusCode, response.headers['x-request-id']]).toEqual([503, 'req-503'])
    await down.close()
  })
})
