import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorResponse } from '@kakunin/schema/errors'
import type { App } from '#src/app.ts'
import { buildApp } from '#src/app.ts'
import { buildTestApp, testConfig } from '#src/test/test-app.ts'
import { checkedAgainstContract } from '#src/test/contract.ts'

// Errors Fastify and Node raise before any route runs: they leave in the one error shape, in
// Japanese, with the security headers, and never echo what was sent.

let app: App
let port: number
beforeAll(async () => {
  app = await buildTestApp()
  await app.listen({ host: '127.0.0.1', port: 0 })
  port = (app.server.address() as net.AddressInfo).port
})
afterAll(() => app.close())

function expectShaped(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(response.statusCode).toBe(status)
  expect(response.headers['content-type']).toMatch(/^application\/json/)
  const body: unknown = JSON.parse(response.body)
  expect(Object.keys(body as object)).toEqual(['error'])
  expect(errorResponse.parse(body).error.message).toMatch(/[ぁ-んァ-ン一-龥]/)
  expect(response.headers['x-content-type-options']).toBe('nosniff')
  expect(response.headers['referrer-policy']).toBe('no-referrer')
}

/** A raw HTTP/1.1 exchange, for requests no HTTP client would send. */
function rawRequest(request: string): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request))
    let data = ''
    socket.setEncoding('utf8').on('data', (chunk) => (data += chunk)).on('error', reject)
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n')
      const [status = '', ...lines] = head.split('\r\n')
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]))
      resolve({ statusCode: Number(status.split(' ')[1]), headers, body })
    })
  })
}

describe('errors before routing', () => {
  it('a malformed percent-encoding: 400, without echoing the path', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/applications/%zz-secret' })
    expectShaped(response, 400)
    expect(response.body).not.toContain('secret')
    expect(response.headers['content-security-policy']).toContain("default-src 'none'")
  })

  it('a path parameter over the router limit: 414, without echoing it', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/applications/${'x'.repeat(150)}` })
    expectShaped(response, 414)
    expect(response.body).not.toContain('xxxx')
  })

  it('headers larger than Node accepts: 431 on the socket, in the shape', async () => {
    const response = await rawRequest(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
    expectShaped(response, 431)
    expect(response.headers['cache-control']).toBe('no-store')
  })

  it('a request Node cannot parse at all: 400 on the socket, in the shape', async () => {
    const response = await rawRequest('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n')
    expectShaped(response, 400)
  })

  it('an unknown route: 404 with the security headers', async () => {
    expectShaped(await app.inject({ method: 'GET', url: '/api/nothing-here' }), 404)
    expectShaped(await app.inject({ method: 'POST', url: '/api/nothing-here', headers: { 'content-type': 'text/plain' }, payload: 'x' }), 404)
  })

  it('a body over the limit: 413', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/applications', payload: { flow: 'x'.repeat(1_100_000) } })
    expectShaped(response, 413)
  })
})

describe('writes take JSON only (no cross-site form can send it)', () => {
  it.each([
    ['text/plain', 'text/plain', '{"flow":"FIRST_TIME"}'],
    ['urlencoded', 'application/x-www-form-urlencoded', 'flow=FIRST_TIME'],
    ['multipart', 'multipart/form-data; boundary=x', '--x--'],
    ['no content type', undefined, undefined],
  ])('%s: 415 before anything is created', async (_name, contentType, payload) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: contentType ? { 'content-type': contentType } : {},
      ...(payload === undefined ? {} : { payload }),
    })
    expectShaped(response, 415)
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    expect(response.headers['set-cookie']).toBeUndefined()
  })

  it('JSON with a charset is JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({ flow: 'FIRST_TIME' }),
    })
    expect(response.statusCode).toBe(201)
  })

  it('a documented upload route takes multipart, and refuses JSON', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/applications', payload: { flow: 'FIRST_TIME' } })
    const cookie = String(created.headers['set-cookie']).split(';')[0]!
    const url = `/api/applications/${created.json().id}/review-documents/ADDITIONAL_ID`
    const json = await app.inject({ method: 'POST', url, headers: { cookie }, payload: {} })
    expectShaped(json, 415)
    expect(json.json().error.message).toContain('multipart/form-data')
    const multipart = await app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    })
    expect(multipart.statusCode).not.toBe(415)
  })
})

describe('cross-site requests are refused (login CSRF)', () => {
  const create = (headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/applications', headers: { 'content-type': 'application/json', ...headers }, payload: '{"flow":"FIRST_TIME"}' })

  it('Sec-Fetch-Site cross-site or same-site: 403, no session given', async () => {
    for (const site of ['cross-site', 'same-site', 'none']) {
      const response = await create({ 'sec-fetch-site': site, origin: 'https://attacker.example' })
      expectShaped(response, 403)
      expect(response.headers['set-cookie']).toBeUndefined()
    }
  })

  it('Sec-Fetch-Site same-origin passes', async () => {
    expect((await create({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost' })).statusCode).toBe(201)
  })

  it('without Sec-Fetch-Site, Origin must be this host', async () => {
    expectShaped(await create({ origin: 'https://attacker.example' }), 403)
    expectShaped(await create({ origin: 'null' }), 403)
    expect((await create({ origin: 'http://localhost:80', host: 'localhost:80' })).statusCode).toBe(201)
  })

  it('no browser headers at all (a staff tool, a provider): passes', async () => {
    expect((await create({})).statusCode).toBe(201)
  })

  it('an origin listed in CORS_ORIGINS or PUBLIC_BASE_URL passes', async () => {
    const listed = await buildTestApp({ env: { CORS_ORIGINS: 'https://admin.example', PUBLIC_BASE_URL: 'https://kakunin.example' } })
    try {
      for (const origin of ['https://admin.example', 'https://kakunin.example']) {
        const response = await listed.inject({
          method: 'POST',
          url: '/api/applications',
          headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', origin },
          payload: '{"flow":"FIRST_TIME"}',
        })
        expect(response.statusCode).toBe(201)
      }
    } finally {
      await listed.close()
    }
  })

  it("a cross-site form posting an attacker's resume link plants nothing", async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/resume/some-token',
      headers: { 'content-type': 'text/plain', origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' },
      payload: '{"token":"x"}',
    })
    expectShaped(response, 403)
    expect(response.headers['set-cookie']).toBeUndefined()
  })
})

describe('a database outage', () => {
  it('answers 503 with Retry-After, in the shape', async () => {
    const offline = checkedAgainstContract(await buildApp({
      config: testConfig(),
      databaseUrl: 'postgresql://kakunin:kakunin@127.0.0.1:1/kakunin',
      logger: false,
      outboxWorker: false,
    }))
    try {
      for (const request of [
        { method: 'POST' as const, url: '/api/applications', payload: { flow: 'FIRST_TIME' } },
        { method: 'GET' as const, url: '/api/health' },
        { method: 'GET' as const, url: '/api/staff/applications', headers: { authorization: 'Bearer kk_x' } },
      ]) {
        const response = await offline.inject(request)
        expectShaped(response, 503)
        expect(response.headers['retry-after']).toMatch(/^\d+$/)
        expect(response.json().error.code).toBe('SERVICE_UNAVAILABLE')
      }
    } finally {
      await offline.close()
    }
  })
})
