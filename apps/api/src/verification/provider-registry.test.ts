import { createHmac, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { buildTestApp, testConfig } from '#src/test/test-app.ts'
import { createProviderRegistry } from './provider-registry.ts'
import { UNKNOWN_PROVIDER_MESSAGE } from './webhook-routes.ts'
import { signWebhook } from '#src/http/webhook-signature.ts'

const TRUSTDOCK_ENV = {
  EKYC_PROVIDER: 'trustdock',
  TRUSTDOCK_API_URL: 'https://api.trustdock.example',
  TRUSTDOCK_API_TOKEN: 'token-123',
  TRUSTDOCK_PLAN_ID: 'plan-abc',
  TRUSTDOCK_WEBHOOK_SECRET: 'trustdock-webhook-secret-of-32-characters',
  TRUSTDOCK_APP_URL: 'https://app.trustdock.example/verify',
}
/** TRUSTDOCK's signature as the adapter checks it: hex HMAC-SHA256 of the raw body. */
const trustdockSign = (body: string, secret = TRUSTDOCK_ENV.TRUSTDOCK_WEBHOOK_SECRET) => createHmac('sha256', secret).update(body).digest('hex')
const noPrisma = { prisma: {} as never } // the adapters touch the database only when a session is opened

describe('the provider registry', () => {
  it('opens sessions with EKYC_PROVIDER and knows no other name', () => {
    const registry = createProviderRegistry(testConfig(), noPrisma)
    expect(registry.active).toMatchObject({ name: 'sandbox', signatureHeader: 'x-kakunin-signature', methods: ['ho', 'ic_chip'], lawful: false })
    expect(registry.sandbox).toBe(registry.active)
    expect(registry.providers.map((provider) => provider.name)).toEqual(['sandbox'])
    for (const name of ['trustdock', 'unknown', 'constructor', '']) expect(registry.get(name)).toBeUndefined()
  })

  it('accepts webhooks for every configured adapter, but never runs the sandbox beside a vendor', () => {
    const { EKYC_PROVIDER: _, ...vendorOnly } = TRUSTDOCK_ENV
    const both = createProviderRegistry(testConfig(vendorOnly), noPrisma)
    expect(both.active.name).toBe('sandbox')
    expect(both.get('trustdock')).toMatchObject({ signatureHeader: 'x-trustdock-signature', lawful: true })

    const vendor = createProviderRegistry(testConfig(TRUSTDOCK_ENV), noPrisma)
    expect(vendor.active.name).toBe('trustdock')
    expect(vendor.sandbox).toBeUndefined()
    expect(vendor.get('sandbox')).toBeUndefined()
  })
})

describe('POST /api/webhooks/ekyc/trustdock (EKYC_PROVIDER=trustdock)', () => {
  let app: App
  beforeAll(async () => {
    app = await buildTestApp({ env: TRUSTDOCK_ENV })
  })
  afterAll(() => app.close())

  /** A submitted application with a TRUSTDOCK verification on record (createSession cannot reach the vendor). */
  async function openSession() {
    const browser = await applicantBrowser(app)
    await browser.submitComplete()
    const providerReference = `vrf_${randomUUID()}`
    const now = new Date()
    const verification = await app.prisma.verification.create({
      data: {
        applicationId: browser.id,
        provider: 'trustdock',
        providerReference,
        url: 'https://app.trustdock.example/verify?public_id=pub_1',
        expiresAt: new Date(now.getTime() + 30 * 60_000),
        createdAt: now,
      },
    })
    return { browser, verification, providerReference }
  }

  const inProgress = (id: string, fields: object = {}) =>
    JSON.stringify({ id, public_id: 'pub_1', state: 'in_progress', updated_at: new Date().toISOString(), ...fields })

  const post = (body: string, headers: Record<string, string>, provider = 'trustdock') =>
    app.inject({ method: 'POST', url: `/api/webhooks/ekyc/${provider}`, headers: { 'content-type': 'application/json', ...headers }, payload: body })

  it('accepts a webhook signed under x-trustdock-signature and records the method the payload reports', async () => {
    const { browser, verification, providerReference } = await openSession()
    const body = inProgress(providerReference, { identification_method: 'ic_chip', document_type: 'drivers_license' })
    const response = await post(body, { 'x-trustdock-signature': trustdockSign(body) })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ received: true, duplicate: false })
    const stored = await app.prisma.verification.findUniqueOrThrow({ where: { id: verification.id } })
    expect(stored).toMatchObject({ status: 'STARTED', method: 'ic_chip', documentType: 'drivers_license' })
    expect((await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).status).toBe('VERIFYING')
  })

  it('records no method when the payload does not say which (never a guess)', async () => {
    const { verification, providerReference } = await openSession()
    const body = inProgress(providerReference)
    expect((await post(body, { 'x-trustdock-signature': trustdockSign(body) })).statusCode).toBe(200)
    const stored = await app.prisma.verification.findUniqueOrThrow({ where: { id: verification.id } })
    expect(stored).toMatchObject({ status: 'STARTED', method: null, documentType: null })
  })

  it('passes the signature check for a session it does not know, and answers 404 for the session', async () => {
    const body = inProgress('vrf_nobody')
    const response = await post(body, { 'x-trustdock-signature': trustdockSign(body) })
    expect(response.statusCode).toBe(404)
    // The session's 404 (from applying the event), not the unknown provider's.
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } })
    expect(response.json().error.message).not.toBe(UNKNOWN_PROVIDER_MESSAGE)
  })

  it.each([
    ['signed with another secret', (body: string) => ({ 'x-trustdock-signature': trustdockSign(body, 'not-the-secret-but-thirty-two-chars!!') }), 401, 'UNAUTHORIZED'],
    ['signed over another body', (body: string) => ({ 'x-trustdock-signature': trustdockSign(`${body} `) }), 401, 'UNAUTHORIZED'],
    ['signed under x-kakunin-signature (the sandbox header)', (body: string) => ({ 'x-kakunin-signature': trustdockSign(body) }), 400, 'BAD_REQUEST'],
    ['not signed', () => ({}), 400, 'BAD_REQUEST'],
  ])('refuses a webhook %s and changes nothing', async (_, headersFor, status, code) => {
    const { browser, verification, providerReference } = await openSession()
    const body = inProgress(providerReference, { identification_method: 'ic_chip' })
    const response = await post(body, headersFor(body))
    expect(response.statusCode).toBe(status)
    expect(response.json()).toEqual({ error: { code, message: expect.any(String) } })
    expect(await app.prisma.verification.findUniqueOrThrow({ where: { id: verification.id } })).toMatchObject({ status: 'PENDING', method: null })
    expect((await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).status).toBe('SUBMITTED')
  })

  it('answers 404 in the error shape for a provider it does not run: an unknown name, and the sandbox beside a vendor', async () => {
    for (const provider of ['acme', 'sandbox']) {
      const body = inProgress('vrf_1')
      const response = await post(body, { 'x-kakunin-signature': signWebhook(testConfig().SANDBOX_EKYC_WEBHOOK_SECRET, body) }, provider)
      expect(response.statusCode).toBe(404)
      expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: UNKNOWN_PROVIDER_MESSAGE } })
    }
  })
})

describe('POST /api/webhooks/ekyc/:provider (EKYC_PROVIDER=sandbox)', () => {
  let app: App
  const secret = testConfig().SANDBOX_EKYC_WEBHOOK_SECRET
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  const started = (sessionId: string) =>
    JSON.stringify({ id: `evt_${randomUUID()}`, type: 'session.started', created: new Date().toISOString(), session: { id: sessionId, method: 'ho', document_type: 'drivers_license' } })
  const post = (provider: string, body: string, headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: `/api/webhooks/ekyc/${provider}`, headers: { 'content-type': 'application/json', ...headers }, payload: body })

  it('reads the sandbox signature from x-kakunin-signature only', async () => {
    const browser = await applicantBrowser(app)
    await browser.submitComplete()
    const opened = (await browser.send('POST', `/api/applications/${browser.id}/verifications`)).json()
    const { providerReference } = await app.prisma.verification.findUniqueOrThrow({ where: { id: opened.id } })
    const body = started(providerReference)
    expect((await post('sandbox', body, { 'x-trustdock-signature': signWebhook(secret, body) })).statusCode).toBe(400)
    const response = await post('sandbox', body, { 'x-kakunin-signature': signWebhook(secret, body) })
    expect(response.statusCode).toBe(200)
    expect(await app.prisma.verification.findUniqueOrThrow({ where: { id: opened.id } })).toMatchObject({ method: 'ho', documentType: 'drivers_license' })
  })

  it('does not accept TRUSTDOCK webhooks when TRUSTDOCK is not configured', async () => {
    const body = JSON.stringify({ id: 'vrf_1', public_id: 'pub_1', state: 'in_progress', updated_at: new Date().toISOString() })
    const response = await post('trustdock', body, { 'x-trustdock-signature': trustdockSign(body) })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: UNKNOWN_PROVIDER_MESSAGE } })
  })
})
