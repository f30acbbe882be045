import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { buildTestApp, testConfig } from '#src/test/test-app.ts'
import { signWebhook } from '#src/http/webhook-signature.ts'

let app: App
const secret = testConfig().SANDBOX_EKYC_WEBHOOK_SECRET
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

/** A submitted application with a verification session opened (the QR code is on screen). */
async function openSession() {
  const browser = await applicantBrowser(app)
  await browser.submitComplete()
  const verification = (await browser.send('POST', `/api/applications/${browser.id}/verifications`)).json()
  const stored = await app.prisma.verification.findUniqueOrThrow({ where: { id: verification.id } })
  return { browser, sessionId: stored.providerReference }
}

const started = (sessionId: string, id = `evt_${Math.random()}`) =>
  JSON.stringify({
    id,
    type: 'session.started',
    created: new Date().toISOString(),
    session: { id: sessionId, method: 'ho', document_type: 'drivers_license' },
  })
const approved = (sessionId: string) =>
  JSON.stringify({
    id: `evt_${Math.random()}`,
    type: 'session.reviewed',
    created: new Date().toISOString(),
    session: { id: sessionId },
    review: { verdict: 'approved', reasons: [], mismatches: [] },
  })

const post = (body: string, signature?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/webhooks/ekyc/sandbox',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-kakunin-signature': signature } : {}) },
    payload: body,
  })

const statusOf = async (id: string) => (await app.prisma.application.findUniqueOrThrow({ where: { id } })).status

describe('POST /api/webhooks/ekyc/sandbox', () => {
  it('applies a correctly signed event', async () => {
    const { browser, sessionId } = await openSession()
    const body = started(sessionId)
    const response = await post(body, signWebhook(secret, body))
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ received: true, duplicate: false })
    expect(await statusOf(browser.id)).toBe('VERIFYING')
  })

  it.each([
    ['no signature', () => undefined, 400],
    ['a malformed signature', () => 't=abc,v1=xyz', 400],
    ['another secret', (body: string) => signWebhook('not-the-secret-but-thirty-two-chars!!', body), 401],
    ['a signature over another body', (body: string) => signWebhook(secret, `${body} `), 401],
    ['a signature six minutes old (a replay)', (body: string) => signWebhook(secret, body, new Date(Date.now() - 6 * 60_000)), 401],
  ])('rejects %s and changes nothing', async (_, signatureFor, status) => {
    const { browser, sessionId } = await openSession()
    const body = started(sessionId)
    const response = await post(body, signatureFor(body))
    expect(response.statusCode).toBe(status)
    expect(response.json().error.code).toBe(status === 400 ? 'BAD_REQUEST' : 'UNAUTHORIZED')
    expect(await statusOf(browser.id)).toBe('SUBMITTED')
    expect(await app.prisma.applicationEvent.count({ where: { applicationId: browser.id, actorType: 'PROVIDER' } })).toBe(0)
  })

  it('treats the same event twice as one: the second changes nothing', async () => {
    const { browser, sessionId } = await openSession()
    const body = started(sessionId, 'evt_same')
    const signature = signWebhook(secret, body)
    expect((await post(body, signature)).json()).toEqual({ received: true, duplicate: false })
    const before = await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })
    expect((await post(body, signature)).json()).toEqual({ received: true, duplicate: true })
    expect(await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).toEqual(before)
  })

  it('refuses a verdict for an application in the wrong state with 409, and records the refusal', async () => {
    const { browser, sessionId } = await openSession()
    const body = approved(sessionId) // straight from SUBMITTED to APPROVED skips the phone
    const response = await post(body, signWebhook(secret, body))
    expect(response.statusCode).toBe(409)
    expect(await statusOf(browser.id)).toBe('SUBMITTED')
    const refused = await app.prisma.applicationEvent.findFirst({ where: { applicationId: browser.id, type: 'TRANSITION_REFUSED' } })
    expect(refused).toMatchObject({
      actorType: 'PROVIDER',
      actorId: 'sandbox',
      fromStatus: 'SUBMITTED',
      toStatus: null,
      data: expect.objectContaining({ wanted: 'APPROVED', code: 'NOT_ALLOWED', event: 'DECIDED' }),
    })
  })

  it('rejects a signed payload it does not understand, and an unknown session', async () => {
    const odd = JSON.stringify({ id: 'evt_odd', type: 'session.exploded' })
    expect((await post(odd, signWebhook(secret, odd))).statusCode).toBe(400)
    const unknown = started('00000000-0000-4000-8000-000000000000')
    expect((await post(unknown, signWebhook(secret, unknown))).statusCode).toBe(404)
  })
})
