import { japanDate } from '@kakunin/schema/japan-time'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffRole } from '@kakunin/schema/staff'
import { STATUS_EVENT_TYPES } from '@kakunin/schema/events'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { JPEG, multipart, sandboxPhone } from '#src/test/sandbox-phone.ts'
import { staffClient } from '#src/test/staff-client.ts'
import { buildTestApp, testConfig } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'
import { detailsOf, newSid, verifiedApplicant } from '#src/test/verified-applicant.ts'
import { signWebhook } from '#src/http/webhook-signature.ts'
import { isLawfulVerification } from './approval-evidence.ts'

// Whatever applicants, providers and staff do, in whatever order: an application is APPROVED only
// with a lawful verification of record of its current submission (and a 統括管理者's approval when
// high-risk), or, for a link, the confirmation of the relied-on account's owner resting on one.

let app: App
let staff: Record<StaffRole, Awaited<ReturnType<typeof staffClient>>>
const secret = testConfig().SANDBOX_EKYC_WEBHOOK_SECRET
beforeAll(async () => {
  app = await buildTestApp({ env: { LINK_CHECK_RATE_LIMIT: '100000' } })
  staff = {
    VIEWER: await staffClient(app, 'VIEWER'),
    REVIEWER: await staffClient(app, 'REVIEWER'),
    COMPLIANCE: await staffClient(app, 'COMPLIANCE'),
    ADMIN: await staffClient(app, 'ADMIN'),
  }
})
afterAll(() => app.close())

type Browser = Awaited<ReturnType<typeof applicantBrowser>>
interface World {
  firstTime: { browser: Browser; sid: string }[]
  link: Browser
  statuses: number[]
}

const firstTimeIndex = fc.constantFrom(0, 1)
const anyIndex = fc.constantFrom(0, 1, 2)
// Weighted towards the moves that could approve: a broken rule shows up within a few runs.
const action = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('submit' as const), app: firstTimeIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('phone' as const), app: firstTimeIndex, matching: fc.boolean(), method: fc.constantFrom('ho', 'ic_chip') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forgedApproval' as const), app: firstTimeIndex }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('approve' as const), app: anyIndex, role: fc.constantFrom<StaffRole>('REVIEWER', 'COMPLIANCE', 'ADMIN'), reason: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deny' as const), app: anyIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('external' as const), app: firstTimeIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('suspicion' as const), app: anyIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('upload' as const), app: firstTimeIndex, document: fc.constantFrom('ADDITIONAL_ID', 'INCOME_ASSETS') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('correct' as const), app: firstTimeIndex }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('linkSubmit' as const), cite: fc.constantFrom<0 | 1 | 'unknown'>(0, 1, 'unknown') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('ownerAnswer' as const), confirm: fc.boolean() }) },
)
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never

/** Two first-time applicants (the second a 外国PEP) and a link applicant; the first may start verified, so links have something to cite. */
async function newWorld(pepHighValue: boolean, firstVerified = false): Promise<World> {
  const firstTime = []
  if (firstVerified) {
    const verified = await verifiedApplicant(app)
    firstTime.push({ browser: verified.browser, sid: verified.sid })
  }
  for (const pep of firstVerified ? [true] : [false, true]) {
    const browser = await applicantBrowser(app)
    const sid = newSid()
    await browser.saveAll({
      ...validAnswers,
      login: { ...validAnswers.login, accountSid: sid },
      ...(pep ? { extra: { ...validAnswers.extra, foreignPep: 'CURRENT' }, purpose: { ...validAnswers.purpose, highValueTransactions: pepHighValue } } : {}),
    })
    firstTime.push({ browser, sid })
  }
  const link = await applicantBrowser(app, 'LINK_VERIFIED')
  await link.save('type', validAnswers.type)
  return { firstTime, link, statuses: [] }
}

const browserOf = (world: World, index: number) => (index === 2 ? world.link : world.firstTime[index]!.browser)

async function perform(world: World, step: Action) {
  const note = (response: { statusCode: number }) => world.statuses.push(response.statusCode)
  switch (step.kind) {
    case 'submit':
      return note(await browserOf(world, step.app).submit())
    case 'phone': {
      const browser = browserOf(world, step.app)
      const started = await browser.send('POST', `/api/applications/${browser.id}/verifications`)
      note(started)
      if (started.statusCode !== 201) return
      const phone = sandboxPhone(app, started.json().url)
      note(await phone.start(step.method))
      for (const kind of step.method === 'ho' ? ['front', 'back', 'selfie'] : ['selfie']) note(await phone.upload(kind))
      const details = detailsOf(validAnswers.user)
      return note(await phone.complete(step.matching ? details : { ...details, familyName: '別人' }))
    }
    case 'forgedApproval': {
      // A provider approving out of turn (or a replay of a verdict for a session it never received).
      const latest = await app.prisma.verification.findFirst({ where: { applicationId: browserOf(world, step.app).id }, orderBy: { createdAt: 'desc' } })
      if (!latest) return
      const body = JSON.stringify({ id: `evt_${newSid()}`, type: 'session.reviewed', created: new Date().toISOString(), session: { id: latest.providerReference }, review: { verdict: 'approved', reasons: [], mismatches: [] } })
      return note(await app.inject({ method: 'POST', url: '/api/webhooks/ekyc/sandbox', headers: { 'content-type': 'application/json', 'x-kakunin-signature': signWebhook(secret, body) }, payload: body }))
    }
    case 'approve': {
      const browser = browserOf(world, step.app)
      const { version } = await browser.refresh()
      return note(await staff[step.role].post(`/applications/${browser.id}/decision`, { decision: 'APPROVE', version, ...(step.reason ? { reason: '書類を確認した' } : {}) }))
    }
    case 'deny': {
      const browser = browserOf(world, step.app)
      const { version } = await browser.refresh()
      return note(await staff.REVIEWER.post(`/applications/${browser.id}/decision`, { decision: 'DENY', version, reasonCodes: ['OTHER'], noteToApplicant: '再提出してください' }))
    }
    case 'external':
      return note(
        await staff.REVIEWER.post(`/applications/${browserOf(world, step.app).id}/external-verifications`, {
          method: 'ic_chip',
          documentName: '運転免許証',
          documentNumber: '第001号',
          verifiedOn: japanDate(),
          verifiedBy: '窓口 担当',
        }),
      )
    case 'suspicion':
      return note(await staff.REVIEWER.post(`/applications/${browserOf(world, step.app).id}/suspicion`, { reason: '疑い' }))
    case 'upload': {
      const browser = browserOf(world, step.app)
      const body = multipart(JPEG)
      return note(await app.inject({ method: 'POST', url: `/api/applications/${browser.id}/review-documents/${step.document}`, headers: { ...browser.headers, ...body.headers }, payload: body.payload }))
    }
    case 'correct': {
      const browser = browserOf(world, step.app)
      if ((await browser.refresh()).status !== 'DENIED') return
      note(await browser.save('user', validAnswers.user))
      return note(await browser.submit())
    }
    case 'linkSubmit': {
      const cited = step.cite === 'unknown' ? newSid() : world.firstTime[step.cite]!.sid
      await world.link.refresh()
      note(await world.link.save('login', { accountSid: newSid(), verifiedAccountSid: cited, loginEmail: 'link@example.com', contactEmail: 'link2@example.com' }))
      return note(await world.link.send('POST', `/api/applications/${world.link.id}/submit-link`, { version: world.link.version }))
    }
    case 'ownerAnswer': {
      const mail = await app.prisma.outboxEmail.findFirst({ where: { applicationId: world.link.id, template: 'OWNER_CONFIRMATION' }, orderBy: { createdAt: 'desc' } })
      const token = mail?.text.match(/\/link-confirm\/([A-Za-z0-9_-]{43})/)?.[1]
      if (!token) return
      return note(await app.inject({ method: 'POST', url: `/api/owner-confirmations/${token}/${step.confirm ? 'confirm' : 'decline'}`, payload: {} }))
    }
  }
}

/** What the record must show for each application of the world, whatever happened. */
async function checkRecord(world: World) {
  expect(world.statuses.filter((status) => status >= 500)).toEqual([])
  for (const browser of [...world.firstTime.map((f) => f.browser), world.link]) {
    const application = await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })
    const events = await app.prisma.applicationEvent.findMany({ where: { applicationId: application.id }, orderBy: { id: 'asc' } })
    // Every status the application has had came with its event: the last one says where it is.
    const moves = events.filter((e) => e.type === 'CREATED' || (STATUS_EVENT_TYPES as readonly string[]).includes(e.type))
    expect(moves.at(-1)?.toStatus).toBe(application.status)
    if (application.status !== 'APPROVED') continue
    const approval = moves.at(-1)!
    if (application.flow === 'FIRST_TIME') {
      const verifications = await app.prisma.verification.findMany({ where: { applicationId: application.id } })
      expect(verifications.some((v) => isLawfulVerification(v) && v.createdAt >= application.submittedAt!)).toBe(true)
      const highRisk = application.id === world.firstTime[1]!.browser.id || events.some((e) => e.type === 'SUSPICION_FLAGGED')
      if (highRisk) {
        expect(approval).toMatchObject({ actorType: 'STAFF', actorId: staff.COMPLIANCE.id, fromStatus: 'ENHANCED_REVIEW' })
        expect(await app.prisma.reviewDocument.count({ where: { applicationId: application.id, kind: 'ADDITIONAL_ID' } })).toBeGreaterThan(0)
      }
    } else {
      const confirmation = await app.prisma.ownerConfirmation.findFirstOrThrow({ where: { applicationId: application.id, decision: 'CONFIRMED' } })
      expect(approval).toMatchObject({ actorType: 'OWNER', actorId: confirmation.id })
      expect(confirmation.createdAt >= application.submittedAt!).toBe(true)
      const root = await app.prisma.application.findUniqueOrThrow({ where: { id: confirmation.rootApplicationId } })
      const rootVerification = await app.prisma.verification.findUniqueOrThrow({ where: { id: confirmation.rootVerificationId } })
      expect(root.status).toBe('APPROVED')
      expect(isLawfulVerification(rootVerification)).toBe(true)
      expect(root.id).not.toBe(world.firstTime[1]!.browser.id) // never relies on a high-risk customer
    }
  }
}

describe('APPROVED, whatever the sequence of actions', () => {
  it('rests on a lawful verification of record, a 統括管理者 for high risk, or the owner\'s confirmation for a link', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.boolean(), fc.array(action, { minLength: 1, maxLength: 14 }), async (pepHighValue, firstVerified, steps) => {
        const world = await newWorld(pepHighValue, firstVerified)
        for (const step of steps) await perform(world, step)
        await checkRecord(world)
      }),
      { numRuns: 80, endOnFailure: true },
    )
  }, 240_000)

  it('is reached by the sequences an honest applicant takes (the property is not vacuous)', async () => {
    const world = await newWorld(true)
    const honest: Action[] = [
      { kind: 'submit', app: 0 },
      { kind: 'phone', app: 0, matching: true, method: 'ic_chip' },
      { kind: 'submit', app: 1 },
      { kind: 'phone', app: 1, matching: true, method: 'ic_chip' },
      { kind: 'upload', app: 1, document: 'ADDITIONAL_ID' },
      { kind: 'upload', app: 1, document: 'INCOME_ASSETS' },
      { kind: 'approve', app: 1, role: 'COMPLIANCE', reason: true },
      { kind: 'linkSubmit', cite: 0 },
      { kind: 'ownerAnswer', confirm: true },
    ]
    for (const step of honest) await perform(world, step)
    await checkRecord(world)
    for (const browser of [...world.firstTime.map((f) => f.browser), world.link]) expect((await browser.refresh()).status).toBe('APPROVED')
  })
})
