import { afterEach, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { rateLimitKey } from './hit-counter.ts'
import { uniqueAddress, uniqueForwarded } from './test-clients.ts'

const opened: App[] = []
async function appWith(env: Record<string, string>, clock?: () => Date) {
  const app = await buildTestApp({ env, ...(clock ? { clock } : {}) })
  opened.push(app)
  return app
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()))
})

const create = (app: App, client: { remoteAddress?: string; forwardedFor?: string }) =>
  app.inject({
    method: 'POST',
    url: '/api/applications',
    payload: { flow: 'FIRST_TIME' },
    ...(client.remoteAddress ? { remoteAddress: client.remoteAddress } : {}),
    ...(client.forwardedFor ? { headers: { 'x-forwarded-for': client.forwardedFor } } : {}),
  })

describe('creating applications', () => {
  it('is limited per client address: 429 in the error shape with Retry-After at N+1, open again after the hour', async () => {
    let offsetMs = 0
    const app = await appWith({ CREATE_APPLICATION_RATE_LIMIT: '3' }, () => new Date(Date.now() + offsetMs))
    const client = { remoteAddress: uniqueAddress() }
    const before = await app.prisma.application.count()
    for (let i = 0; i < 3; i++) expect((await create(app, client)).statusCode).toBe(201)

    const refused = await create(app, client)
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/しばらく|約\d+分/) } })
    const retryAfter = Number(refused.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(3500)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    expect(refused.cookies).toEqual([])
    // Another client is not affected.
    expect((await create(app, { remoteAddress: uniqueAddress() })).statusCode).toBe(201)
    expect(await app.prisma.application.count()).toBeGreaterThanOrEqual(before + 4)

    offsetMs = 59 * 60 * 1000
    expect((await create(app, client)).statusCode).toBe(429)
    offsetMs = 60 * 60 * 1000
    expect((await create(app, client)).statusCode).toBe(201)
  })

  it('keeps the counter in PostgreSQL, shared by every instance, under a hash rather than the address', async () => {
    const first = await appWith({ CREATE_APPLICATION_RATE_LIMIT: '2' })
    const second = await appWith({ CREATE_APPLICATION_RATE_LIMIT: '2' })
    const client = { remoteAddress: uniqueAddress() }
    expect((await create(first, client)).statusCode).toBe(201)
    expect((await create(second, client)).statusCode).toBe(201)
    expect((await create(first, client)).statusCode).toBe(429)
    expect((await create(second, client)).statusCode).toBe(429)

    const row = await first.prisma.rateLimit.findUniqueOrThrow({ where: { key: rateLimitKey({ name: 'create-application' }, [client.remoteAddress]) } })
    expect(row.hits).toBe(4)
    expect(row.key).toMatch(/^[0-9a-f]{64}$/)
    expect(await first.prisma.rateLimit.count({ where: { key: { contains: client.remoteAddress } } })).toBe(0)
  })
})

describe('the client address behind a proxy', () => {
  it('with TRUST_PROXY=1, counts each X-Forwarded-For client apart', async () => {
    const app = await appWith({ CREATE_APPLICATION_RATE_LIMIT: '1', TRUST_PROXY: '1' })
    const proxy = uniqueAddress()
    const [alice, bob] = [uniqueForwarded(), uniqueForwarded()]
    expect((await create(app, { remoteAddress: proxy, forwardedFor: alice })).statusCode).toBe(201)
    expect((await create(app, { remoteAddress: proxy, forwardedFor: bob })).statusCode).toBe(201)
    expect((await create(app, { remoteAddress: proxy, forwardedFor: alice })).statusCode).toBe(429)
    // Only the nearest hop is trusted: what the client wrote before it is ignored.
    expect((await create(app, { remoteAddress: proxy, forwardedFor: `${uniqueForwarded()}, ${alice}` })).statusCode).toBe(429)
  })

  it('without it, X-Forwarded-For is ignored: every client of one socket address shares its bucket', async () => {
    const app = await appWith({ CREATE_APPLICATION_RATE_LIMIT: '1' })
    const socket = uniqueAddress()
    expect((await create(app, { remoteAddress: socket, forwardedFor: uniqueForwarded() })).statusCode).toBe(201)
    expect((await create(app, { remoteAddress: socket, forwardedFor: uniqueForwarded() })).statusCode).toBe(429)
  })
})

describe('submitting', () => {
  it('is limited per application, counting only its own session', async () => {
    const app = await appWith({ SUBMIT_RATE_LIMIT: '2' })
    const browser = await applicantBrowser(app)
    const other = await applicantBrowser(app)
    // Another browser naming this application spends nothing (and gets the 404 it always gets).
    for (let i = 0; i < 3; i++) expect((await other.send('POST', `/api/applications/${browser.id}/submit`, { version: 1 })).statusCode).toBe(404)
    const codes = []
    for (let i = 0; i < 3; i++) codes.push((await browser.submit()).statusCode)
    expect(codes).toEqual([400, 400, 429])
    // Another application from the same address has its own bucket.
    expect((await other.submit()).statusCode).toBe(400)
  })
})

describe('opening verification sessions (QR codes)', () => {
  it('is limited per application: each one is a session with the vendor', async () => {
    const app = await appWith({ VERIFICATION_RATE_LIMIT: '2' })
    const browser = await applicantBrowser(app)
    await browser.submitComplete()
    const codes = []
    for (let i = 0; i < 3; i++) codes.push((await browser.send('POST', `/api/applications/${browser.id}/verifications`)).statusCode)
    expect(codes).toEqual([201, 201, 429])
    const other = await applicantBrowser(app)
    await other.submitComplete()
    expect((await other.send('POST', `/api/applications/${other.id}/verifications`)).statusCode).toBe(201)
  })
})

describe('the sandbox phone pages', () => {
  it('are limited per QR code and address', async () => {
    const app = await appWith({ SANDBOX_PHONE_RATE_LIMIT: '2' })
    const phone = uniqueAddress()
    const token = 'C'.repeat(30) + uniqueAddress().replaceAll('.', '')
    const open = (remoteAddress: string) => app.inject({ method: 'GET', url: `/api/sandbox-ekyc/sessions/${token}`, remoteAddress })
    const codes = []
    for (let i = 0; i < 3; i++) codes.push((await open(phone)).statusCode)
    expect(codes).toEqual([404, 404, 429])
    expect((await open(uniqueAddress())).statusCode).toBe(404)
  })
})
