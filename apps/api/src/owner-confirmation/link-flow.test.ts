import { japanInstant } from '@kakunin/schema/japan-time'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { expireOwnerConfirmations } from './owner-confirmation-service.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { staffClient } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'
import { newSid, verifiedApplicant } from '#src/test/verified-applicant.ts'

let app: App
// Real time unless a test moves it forward (the owner's link expires after 72 hours).
let offsetMs = 0
beforeAll(async () => {
  app = await buildTestApp({ env: { LINK_CHECK_RATE_LIMIT: '1000' }, clock: () => new Date(Date.now() + offsetMs) })
})
afterAll(() => app.close())

/** A first-time applicant verified through the phone eKYC: their SID is verified. */
async function approvedSid(loginEmail = `owner-${newSid().slice(2, 10)}@example.com`) {
  const verified = await verifiedApplicant(app, { login: { loginEmail, contactEmail: 'owner.backup@example.net' } })
  expect(verified.status).toBe('APPROVED')
  return { sid: verified.sid, id: verified.id, loginEmail }
}

async function linkApplicant(login: object) {
  const browser = await applicantBrowser(app, 'LINK_VERIFIED')
  expect((await browser.save('type', validAnswers.type)).statusCode).toBe(200)
  const saved = await browser.save('login', login)
  return { browser, saved }
}
const submitLink = (browser: Awaited<ReturnType<typeof applicantBrowser>>) =>
  browser.send('POST', `/api/applications/${browser.id}/submit-link`, { version: browser.version })

const login = (accountSid: string, verifiedAccountSid?: string, loginEmail = 'second@example.com') => ({
  accountSid,
  ...(verifiedAccountSid ? { verifiedAccountSid } : {}),
  loginEmail,
  contactEmail: 'second.backup@example.net',
})

/** The owner's confirmation mail for a link application, and the token in its link. */
async function ownerMail(applicationId: string) {
  const mail = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId, template: 'OWNER_CONFIRMATION' }, orderBy: { createdAt: 'desc' } })
  const token = mail.text.match(/\/link-confirm\/([A-Za-z0-9_-]{43})/)?.[1]
  expect(token).toBeTruthy()
  return { mail, token: token! }
}
const answer = (token: string, what: 'confirm' | 'decline') => app.inject({ method: 'POST', url: `/api/owner-confirmations/${token}/${what}`, payload: {} })
const sidCheck = async (sid: string) => (await (await staffClient(app, 'VIEWER')).get(`/account-sids/${sid}`)).json()

describe('the already-verified flow (2回目以降)', () => {
  it('asks the owner of the verified account by email, and approves only when the owner confirms', async () => {
    const verified = await approvedSid()
    const sid = newSid()
    const { browser } = await linkApplicant(login(sid, verified.sid))
    const response = await submitLink(browser)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'SUBMITTED', flow: 'LINK_VERIFIED', ownerConfirmation: { sentTo: `${verified.loginEmail[0]}***@example.com`, status: 'PENDING' } })
    expect((await sidCheck(sid)).verified).toBe(false)

    // The owner's mail names the new SID and the addresses that asked; the applicant gets a receipt.
    const { mail, token } = await ownerMail(browser.id)
    expect(mail).toMatchObject({ to: verified.loginEmail, fallbackTo: 'owner.backup@example.net' })
    expect(mail.text).toContain(sid)
    expect(mail.text).toContain('second@example.com')
    expect(mail.text).toContain('second.backup@example.net')
    // The owner is addressed by the verified name; the person asking, not yet confirmed, is never told it.
    expect(mail.text.split('\n')[0]).toBe(`${validAnswers.user.familyName} ${validAnswers.user.givenName} 様`)
    const receipt = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: browser.id, template: 'LINK_REQUESTED' } })
    expect(receipt).toMatchObject({ to: 'second@example.com' })
    expect(receipt.text.split('\n')[0]).toBe('お客様')
    expect(receipt.text).not.toContain(validAnswers.user.familyName)

    expect((await answer(token, 'confirm')).json()).toEqual({ answer: 'CONFIRM' })
    expect((await browser.refresh()).status).toBe('APPROVED')
    const decided = await app.prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: browser.id, type: 'DECIDED' } })
    const root = await app.prisma.verification.findFirstOrThrow({ where: { applicationId: verified.id, status: 'APPROVED' } })
    expect(decided).toMatchObject({ actorType: 'OWNER', fromStatus: 'SUBMITTED', toStatus: 'APPROVED' })
    expect(decided.data).toMatchObject({ reliedOnApplicationId: verified.id, rootApplicationId: verified.id, rootVerificationId: root.id, basis: expect.stringContaining('4条3項') })
    expect(await app.prisma.outboxEmail.findFirst({ where: { applicationId: browser.id, template: 'APPROVED' } })).toMatchObject({ to: 'second@example.com' })
    expect(await sidCheck(sid)).toMatchObject({ verified: true, applicationId: browser.id, flow: 'LINK_VERIFIED' })
    const record = (await (await staffClient(app, 'VIEWER')).get(`/applications/${browser.id}/record`)).json()
    expect(record.record.linkBasis).toMatchObject({
      reliedOnReference: (await app.prisma.application.findUniqueOrThrow({ where: { id: verified.id } })).reference,
      rootVerification: { method: { code: 'ho', label: expect.stringContaining('ホ方式') }, receivedAt: japanInstant(root.submittedAt!) },
      ownerConfirmation: { sentTo: verified.loginEmail, confirmedAt: { date: expect.any(String), at: expect.stringMatching(/\+09:00$/) } },
    })

    // The link is spent; a link citing this SID is confirmed by its owner and rests on the same root.
    expect((await answer(token, 'confirm')).statusCode).toBe(404)
    const third = await linkApplicant(login(newSid(), sid, 'third@example.com'))
    expect((await submitLink(third.browser)).statusCode).toBe(200)
    const next = await ownerMail(third.browser.id)
    expect(next.mail.to).toBe('second@example.com')
    expect((await answer(next.token, 'confirm')).statusCode).toBe(200)
    const thirdDecided = await app.prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: third.browser.id, type: 'DECIDED' } })
    expect(thirdDecided.data).toMatchObject({ reliedOnApplicationId: browser.id, rootApplicationId: verified.id, rootVerificationId: root.id })
  })

  it('does not approve a stranger citing someone else\'s SID: the owner declines, and the applicant is told what to do', async () => {
    const verified = await approvedSid()
    const sid = newSid()
    const { browser } = await linkApplicant(login(sid, verified.sid, 'stranger@example.org'))
    expect((await submitLink(browser)).json().status).toBe('SUBMITTED')
    const { token } = await ownerMail(browser.id)
    expect((await answer(token, 'decline')).json()).toEqual({ answer: 'DECLINE' })
    const view = await browser.refresh()
    expect(view).toMatchObject({ status: 'DENIED', ownerConfirmation: { status: 'DECLINED' } })
    expect(view.denial.fields).toEqual(['login.verifiedAccountSid'])
    expect(view.denial.hints.join('')).toContain('初めての方の手続き')
    expect(await app.prisma.outboxEmail.findFirst({ where: { applicationId: browser.id, template: 'DENIED' } })).toMatchObject({ to: 'stranger@example.org' })
    expect((await sidCheck(sid)).verified).toBe(false)
    // A declined link is spent like any other.
    expect((await answer(token, 'confirm')).statusCode).toBe(404)
  })

  it('answers forged, reused and expired links with the same neutral 404; an expired confirmation denies the application', async () => {
    const verified = await approvedSid()
    const { browser } = await linkApplicant(login(newSid(), verified.sid))
    await submitLink(browser)
    const { token } = await ownerMail(browser.id)
    const forged = await answer('x'.repeat(43), 'confirm')
    expect(forged.statusCode).toBe(404)
    offsetMs = 73 * 60 * 60 * 1000
    try {
      const expired = await answer(token, 'confirm')
      expect(expired.statusCode).toBe(404)
      expect(expired.json().error.message).toBe(forged.json().error.message)
      expect(await expireOwnerConfirmations({ prisma: app.prisma, mail: { ...app.mail, resumeHours: 72 } }, new Date(Date.now() + offsetMs))).toBeGreaterThanOrEqual(1)
    } finally {
      offsetMs = 0
    }
    const view = await browser.refresh()
    expect(view).toMatchObject({ status: 'DENIED', ownerConfirmation: { status: 'EXPIRED' } })
    const decided = await app.prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: browser.id, type: 'DECIDED' } })
    expect(decided).toMatchObject({ actorType: 'SYSTEM', toStatus: 'DENIED' })
  })

  it('spends the links of an earlier submission: after a denial and a resend, only the new link answers', async () => {
    const verified = await approvedSid()
    const { browser } = await linkApplicant(login(newSid(), verified.sid))
    await submitLink(browser)
    const first = await ownerMail(browser.id)
    const { version } = await browser.refresh()
    const staff = await staffClient(app, 'REVIEWER')
    expect((await staff.post(`/applications/${browser.id}/decision`, { decision: 'DENY', version, reasonCodes: ['OTHER'], noteToApplicant: '確認できませんでした' })).statusCode).toBe(200)
    await browser.refresh()
    const resent = await submitLink(browser)
    expect(resent.json().status, resent.body).toBe('SUBMITTED')
    const second = await ownerMail(browser.id)
    expect(second.token).not.toBe(first.token)
    // Neither an answer nor its expiry on the old link touches the new submission.
    expect((await answer(first.token, 'decline')).statusCode).toBe(404)
    expect((await browser.refresh()).status).toBe('SUBMITTED')
    expect((await answer(second.token, 'confirm')).statusCode).toBe(200)
    expect((await browser.refresh()).status).toBe('APPROVED')
  })

  it('lets exactly one of 10 parallel confirmations win', async () => {
    const verified = await approvedSid()
    const { browser } = await linkApplicant(login(newSid(), verified.sid))
    await submitLink(browser)
    const { token } = await ownerMail(browser.id)
    const codes = (await Promise.all(Array.from({ length: 10 }, () => answer(token, 'confirm')))).map((r) => r.statusCode)
    expect(codes.filter((code) => code === 200)).toHaveLength(1)
    expect(codes.filter((code) => code !== 200).every((code) => code === 404 || code === 409)).toBe(true)
    expect(await app.prisma.applicationEvent.count({ where: { applicationId: browser.id, type: 'DECIDED' } })).toBe(1)
    expect(await app.prisma.outboxEmail.count({ where: { applicationId: browser.id, template: 'APPROVED' } })).toBe(1)
  })

  it('relies on nothing that a lawful verification does not back: a bare approval, or a link approved without its owner', async () => {
    // Rows as an older version could leave them: APPROVED with no verification, or no confirmation.
    const bare = newSid()
    const legacyLink = newSid()
    for (const [accountSid, flow] of [[bare, 'FIRST_TIME'], [legacyLink, 'LINK_VERIFIED']] as const) {
      await app.prisma.application.create({
        data: { reference: `KYC-20200101-${accountSid.slice(2, 8)}`, flow, status: 'APPROVED', accountSid, answers: { login: { accountSid, loginEmail: 'old@example.com', contactEmail: 'old2@example.com' } } },
      })
    }
    for (const verifiedSid of [bare, legacyLink]) {
      const { browser } = await linkApplicant(login(newSid(), verifiedSid))
      const response = await submitLink(browser)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.fields).toHaveProperty('login.verifiedAccountSid')
      expect((await sidCheck(verifiedSid)).verified).toBe(false)
    }
  })

  it('never lets an already-verified application be approved by staff, nor verified by eKYC', async () => {
    const verified = await approvedSid()
    const { browser } = await linkApplicant(login(newSid(), verified.sid))
    await submitLink(browser)
    const staff = await staffClient(app, 'COMPLIANCE')
    const { version } = await browser.refresh()
    const refused = await staff.post(`/applications/${browser.id}/decision`, { decision: 'APPROVE', version, reason: 'trust me' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toContain('所有者による確認')
    expect((await browser.send('POST', `/api/applications/${browser.id}/verifications`)).statusCode).toBe(409)
    expect((await browser.refresh()).status).toBe('SUBMITTED')
  })

  it('says only "not verified" for an unknown, pending or denied SID, and stores nothing', async () => {
    const pending = await applicantBrowser(app)
    const pendingSid = newSid()
    await pending.submitComplete({ ...validAnswers, login: { ...validAnswers.login, accountSid: pendingSid } })
    for (const verifiedSid of [newSid(), pendingSid]) {
      const { browser } = await linkApplicant(login(newSid(), verifiedSid))
      const response = await submitLink(browser)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.fields).toEqual({ 'login.verifiedAccountSid': '取引時確認済みのAccount SIDとして確認できませんでした。入力内容をご確認ください。' })
      expect((await browser.refresh()).status).toBe('DRAFT')
      expect(await app.prisma.applicationEvent.count({ where: { applicationId: browser.id, type: { in: ['SUBMITTED', 'DECIDED'] } } })).toBe(0)
    }
  })

  it('refuses the same SID twice, in the step itself', async () => {
    const sid = newSid()
    const { saved } = await linkApplicant(login(sid, sid))
    expect(saved.statusCode).toBe(400)
    expect(saved.json().error.fields['values.verifiedAccountSid']).toMatch(/別のAccount SID/)
  })

  it('requires the verified SID in this flow, and refuses it in the first-time flow', async () => {
    const { saved } = await linkApplicant(login(newSid()))
    expect(saved.json().error.fields['values.verifiedAccountSid']).toBe('取引時確認済みのAccount SIDを入力してください')
    const first = await applicantBrowser(app)
    const response = await first.save('login', login(newSid(), newSid()))
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toHaveProperty('values.verifiedAccountSid')
  })

  it('refuses a new SID that is already approved or in progress elsewhere', async () => {
    const verified = await approvedSid()
    const busy = await applicantBrowser(app)
    const busySid = newSid()
    await busy.submitComplete({ ...validAnswers, login: { ...validAnswers.login, accountSid: busySid } })
    for (const sid of [busySid, verified.sid]) {
      const { browser, saved } = await linkApplicant(login(sid, verified.sid === sid ? (await approvedSid()).sid : verified.sid))
      expect(saved.statusCode, saved.body).toBe(200)
      const response = await submitLink(browser)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.fields).toHaveProperty('login.accountSid')
    }
  })

  it('refuses malformed SIDs on the field', async () => {
    const { saved } = await linkApplicant(login('AC123', 'ACxyz'))
    expect(Object.keys(saved.json().error.fields).sort()).toEqual(['values.accountSid', 'values.verifiedAccountSid'])
  })

  it('limits look-ups per client so SIDs cannot be enumerated', async () => {
    const limited = await buildTestApp({ env: { LINK_CHECK_RATE_LIMIT: '2' } })
    try {
      const browser = await applicantBrowser(limited, 'LINK_VERIFIED')
      const codes: number[] = []
      for (let i = 0; i < 3; i++) {
        codes.push((await browser.send('POST', `/api/applications/${browser.id}/submit-link`, { version: browser.version })).statusCode)
      }
      expect(codes).toEqual([400, 400, 429])
    } finally {
      await limited.close()
    }
  })
})
