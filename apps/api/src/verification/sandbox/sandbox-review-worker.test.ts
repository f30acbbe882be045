import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { SIGNATURE_HEADER } from '#src/http/webhook-signature.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { matchingDetails, sandboxPhone } from '#src/test/sandbox-phone.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { createSandboxReviewWorker } from './sandbox-review-worker.ts'
import { WebhookAnswered } from './sandbox-provider.ts'

let app: App
let offsetMs = 0
const clock = () => new Date(Date.now() + offsetMs)
beforeAll(async () => {
  app = await buildTestApp({ env: { SANDBOX_EKYC_REVIEW_DELAY_MS: '60000' }, clock })
})
afterAll(() => app.close())

/** An applicant whose phone has just sent everything: the sandbox vendor now reviews for a minute. */
async function submittedToReviewer() {
  const browser = await applicantBrowser(app)
  await browser.submitComplete()
  const { id, url } = (await browser.send('POST', `/api/applications/${browser.id}/verifications`)).json()
  expect((await sandboxPhone(app, url).verify(matchingDetails)).statusCode).toBe(204)
  const verification = await app.prisma.verification.findUniqueOrThrow({ where: { id } })
  const status = async () => (await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).status
  const session = () => app.prisma.sandboxEkycSession.findUniqueOrThrow({ where: { id: verification.providerReference } })
  return { status, session }
}

/** Our webhook, reached as the app's own delivery reaches it before it listens. */
async function ourWebhook(body: string, signature: string) {
  const response = await app.inject({ method: 'POST', url: '/api/webhooks/ekyc/sandbox', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, payload: body })
  if (response.statusCode >= 300) throw new WebhookAnswered(response.statusCode)
}

describe('the sandbox reviewer', () => {
  it('keeps the pending verdict as a row, due after the delay, and delivers it when due', async () => {
    const { status, session } = await submittedToReviewer()
    expect(await status()).toBe('IN_REVIEW')
    const pending = await session()
    expect(pending).toMatchObject({ status: 'SUBMITTED', reviewedAt: null, reviewAttempts: 0 })
    expect(pending.reviewDueAt!.getTime() - clock().getTime()).toBeGreaterThan(55_000)

    await app.sandboxReviews!.runOnce()
    expect(await status()).toBe('IN_REVIEW')

    offsetMs += 61_000
    await app.sandboxReviews!.runOnce()
    expect(await status()).toBe('APPROVED')
    expect(await session()).toMatchObject({ status: 'REVIEWED', reviewAttempts: 1, reviewedAt: expect.any(Date), reviewLastError: null })
  })

  it('leaves a claim held by an instance that died alone until its lease lapses, then delivers it once', async () => {
    const { status, session } = await submittedToReviewer()
    const { id } = await session()
    offsetMs += 61_000
    await app.prisma.sandboxEkycSession.update({ where: { id }, data: { reviewAttempts: 1, reviewLockedUntil: new Date(clock().getTime() + 30_000) } })
    await app.sandboxReviews!.runOnce()
    expect(await status()).toBe('IN_REVIEW')

    offsetMs += 31_000
    await app.sandboxReviews!.runOnce()
    await app.sandboxReviews!.runOnce()
    expect(await status()).toBe('APPROVED')
    expect(await session()).toMatchObject({ reviewAttempts: 2, reviewedAt: expect.any(Date) })
  })

  it('retries a failed delivery with backoff, and the repeated events change nothing twice', async () => {
    const { status, session } = await submittedToReviewer()
    let refusals = 1
    const flaky = createSandboxReviewWorker({
      pool: app.pg,
      provider: app.deps.providers.sandbox!,
      // The network drops the verdict once; the progress event before it went through.
      deliver: async (body, signature) => {
        if (body.includes('session.reviewed') && refusals-- > 0) throw new Error('connect ECONNREFUSED')
        await ourWebhook(body, signature)
      },
      clock,
      log: app.log,
      pollMs: 1000,
    })
    offsetMs += 61_000
    await flaky.runOnce()
    const waiting = await session()
    expect(await status()).toBe('IN_REVIEW')
    expect(waiting).toMatchObject({ reviewedAt: null, reviewAttempts: 1, reviewLastError: 'connect ECONNREFUSED' })
    expect(waiting.reviewDueAt!.getTime()).toBeGreaterThan(clock().getTime())

    offsetMs += 2_000
    await flaky.runOnce()
    expect(await status()).toBe('APPROVED')
    expect(await session()).toMatchObject({ status: 'REVIEWED', reviewAttempts: 2, reviewLastError: null })
  })

  it('stops at a verdict our webhook refuses for good, keeping the refusal', async () => {
    const { session } = await submittedToReviewer()
    const refused = createSandboxReviewWorker({
      pool: app.pg,
      provider: app.deps.providers.sandbox!,
      deliver: async () => {
        throw new WebhookAnswered(409)
      },
      clock,
      log: app.log,
      pollMs: 1000,
    })
    offsetMs += 61_000
    await refused.runOnce()
    expect(await session()).toMatchObject({ status: 'REVIEWED', reviewedAt: expect.any(Date), reviewLastError: 'webhook answered 409', reviewAttempts: 1 })
    offsetMs += 3_600_000
    await refused.runOnce()
    expect((await session()).reviewAttempts).toBe(1)
  })
})
