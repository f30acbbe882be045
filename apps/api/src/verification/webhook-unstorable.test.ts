import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { SIGNATURE_HEADER, signWebhook } from '#src/http/webhook-signature.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { buildTestApp, testConfig } from '#src/test/test-app.ts'

// Found by the hostile-input suite: a correctly signed webhook whose event id held a NUL reached
// PostgreSQL (text and jsonb store neither NUL nor unpaired surrogates) and answered 500.

let app: App
const secret = testConfig().SANDBOX_EKYC_WEBHOOK_SECRET
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('a signed webhook PostgreSQL cannot store', () => {
  it('is refused with 400 in the error shape, and nothing is recorded', async () => {
    const browser = await applicantBrowser(app)
    await browser.submitComplete()
    const verification = (await browser.send('POST', `/api/applications/${browser.id}/verifications`, {})).json()
    const { providerReference } = await app.prisma.verification.findUniqueOrThrow({ where: { id: verification.id } })
    const receipts = await app.prisma.webhookReceipt.count()

    for (const payload of [
      { id: 'evt_山\u0000田', type: 'session.submitted', created: new Date().toISOString(), session: { id: providerReference } },
      { id: 'evt_ok', type: 'session.submitted', created: new Date().toISOString(), session: { id: providerReference }, note: 'ビル\ud800' },
      { id: 'evt_ok2', type: 'session.submitted', created: new Date().toISOString(), session: { id: providerReference }, ['\u0000']: 1 },
    ]) {
      const body = JSON.stringify(payload)
      const response = await app.inject({
        method: 'POST',
        url: '/api/webhooks/ekyc/sandbox',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhook(secret, body) },
        payload: body,
      })
      expect(response.statusCode, body).toBe(400)
      expect(response.json().error.code).toBe('BAD_REQUEST')
    }
    expect(await app.prisma.webhookReceipt.count()).toBe(receipts)
    expect((await browser.refresh()).status).toBe('SUBMITTED')
  })
})
