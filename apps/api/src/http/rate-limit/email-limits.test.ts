import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'
import { newSid, verifiedApplicant } from '#src/test/verified-applicant.ts'
import { recipientIdentity } from './email-limits.ts'
import { uniqueAddress, uniqueEmail } from './test-clients.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp({ env: { EMAIL_RATE_LIMIT: '2' } })
})
afterAll(() => app.close())

/** An applicant whose login step is saved with these addresses (unique ones by default). */
async function applicantWriting(loginEmail = uniqueEmail('login'), contactEmail = uniqueEmail('contact')) {
  const browser = await applicantBrowser(app)
  expect((await browser.save('login', { ...validAnswers.login, loginEmail, contactEmail })).statusCode).toBe(200)
  return browser
}
const draftLink = (browser: Awaited<ReturnType<typeof applicantBrowser>>) => browser.send('POST', `/api/applications/${browser.id}/draft-link`, {})
const mailsTo = (to: string) => app.prisma.outboxEmail.count({ where: { to: { equals: to, mode: 'insensitive' } } })

describe('draft-link emails', () => {
  it('are limited per application; the refusal says what was saved and when to try again', async () => {
    const loginEmail = uniqueEmail('login')
    const browser = await applicantWriting(loginEmail)
    expect((await draftLink(browser)).statusCode).toBe(202)
    expect((await draftLink(browser)).statusCode).toBe(202)
    const refused = await draftLink(browser)
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error).toEqual({ code: 'RATE_LIMITED', message: expect.stringContaining('保存済みの入力内容はそのまま残っています') })
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500)
    expect(await mailsTo(loginEmail)).toBe(2)
    // Saving still works, and what was saved is kept.
    expect((await browser.save('purpose', validAnswers.purpose)).statusCode).toBe(200)
    expect((await browser.refresh()).answers.login.loginEmail).toBe(loginEmail)
  })

  it('are limited per recipient across applications, however the address is typed', async () => {
    const victim = uniqueEmail('victim')
    const [local, domain] = victim.split('@')
    const variants = [victim, victim.toUpperCase(), `${local}+again@${domain}`]
    const codes = []
    for (const address of variants) codes.push((await draftLink(await applicantWriting(address))).statusCode)
    expect(codes).toEqual([202, 202, 429])
    expect(await mailsTo(victim)).toBe(2)
  })

  it('count the contact address, where a refused mail would go instead', async () => {
    const contact = uniqueEmail('contact')
    const codes = []
    for (let i = 0; i < 3; i++) codes.push((await draftLink(await applicantWriting(uniqueEmail('login'), contact))).statusCode)
    expect(codes).toEqual([202, 202, 429])
  })

  it('renewed from an old link: nothing more is sent, and the answer does not change', async () => {
    const loginEmail = uniqueEmail('login')
    const browser = await applicantWriting(loginEmail)
    await draftLink(browser)
    const mail = await app.prisma.outboxEmail.findFirstOrThrow({ where: { to: loginEmail } })
    const token = mail.text.match(/\/resume\/([A-Za-z0-9_-]{43})/)?.[1]
    expect(token).toBeTruthy()
    const renew = () => app.inject({ method: 'POST', url: `/api/resume/${token}/renew`, payload: {}, remoteAddress: uniqueAddress() })
    const answers = [await renew(), await renew()]
    expect(answers.map((answer) => answer.statusCode)).toEqual([202, 202])
    expect(answers[1]!.body).toBe(answers[0]!.body)
    expect(await mailsTo(loginEmail)).toBe(2)
  })
})

describe('owners’ confirmation emails (2回目以降)', () => {
  it('are limited per owner, however many applications cite their verified SID; the refused one stays a draft', async () => {
    const owner = uniqueEmail('owner')
    const verified = await verifiedApplicant(app, { login: { loginEmail: owner, contactEmail: uniqueEmail('owner-contact') } })
    expect(verified.status).toBe('APPROVED')
    const submitLink = async () => {
      const browser = await applicantBrowser(app, 'LINK_VERIFIED')
      await browser.save('type', validAnswers.type)
      const login = { accountSid: newSid(), verifiedAccountSid: verified.sid, loginEmail: uniqueEmail('second'), contactEmail: uniqueEmail('second-contact') }
      expect((await browser.save('login', login)).statusCode).toBe(200)
      return { browser, response: await browser.send('POST', `/api/applications/${browser.id}/submit-link`, { version: browser.version }) }
    }
    expect((await submitLink()).response.statusCode).toBe(200)
    expect((await submitLink()).response.statusCode).toBe(200)
    const refused = await submitLink()
    expect(refused.response.statusCode).toBe(429)
    expect(refused.response.json().error).toEqual({ code: 'RATE_LIMITED', message: expect.stringContaining('入力内容は保存されています') })
    expect(Number(refused.response.headers['retry-after'])).toBeGreaterThan(3500)
    expect((await refused.browser.refresh()).status).toBe('DRAFT')
    expect(await app.prisma.outboxEmail.count({ where: { to: owner, template: 'OWNER_CONFIRMATION' } })).toBe(2)
  })
})

describe('recipientIdentity', () => {
  it('is one mailbox whatever the case and +tag, and another for another mailbox', () => {
    expect(recipientIdentity(' Taro+drafts@Example.COM ')).toBe('taro@example.com')
    expect(recipientIdentity('taro@example.com')).toBe('taro@example.com')
    expect(recipientIdentity('jiro@example.com')).not.toBe(recipientIdentity('taro@example.com'))
    expect(recipientIdentity('"a@b"@example.com')).toBe('"a@b"@example.com')
  })
})
