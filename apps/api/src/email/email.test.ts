import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { matchingDetails, sandboxPhone } from '#src/test/sandbox-phone.ts'
import { startSmtpSink } from '#src/test/smtp-sink.ts'
import { privateDatabase } from '#src/test/private-database.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

let app: App
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
// Its own database: a flush sends every due mail, and on the shared one that is every other test file's.
let database: Awaited<ReturnType<typeof privateDatabase>>
beforeAll(async () => {
  ;[database, smtp] = await Promise.all([privateDatabase(), startSmtpSink()])
  app = await buildTestApp({
    databaseUrl: database.url,
    env: { SMTP_URL: smtp.url, MAIL_FROM_ADDRESS: 'kakunin@mail.example.jp', PUBLIC_BASE_URL: 'https://kakunin.example.jp', RESUME_RENEW_RATE_LIMIT: '3' },
  })
})
afterAll(async () => {
  await app.close()
  await smtp.close()
  await database.drop()
})

/** An applicant whose login and contact addresses are their own, so mails can be told apart. */
async function applicantWithAddresses() {
  const browser = await applicantBrowser(app)
  const tag = Math.random().toString(36).slice(2, 10)
  const login = { ...validAnswers.login, loginEmail: `login-${tag}@example.com`, contactEmail: `contact-${tag}@example.net` }
  return { browser, login, answers: { ...validAnswers, login } }
}

const linkIn = (text: string) => text.match(/https:\/\/kakunin\.example\.jp\/resume\/([A-Za-z0-9_-]+)/)?.[1]

describe('emails through a real SMTP server', () => {
  it('申込受付: goes to the login address when the application is submitted', async () => {
    const { browser, login, answers } = await applicantWithAddresses()
    const submitted = await browser.submitComplete(answers)
    await app.mail.flush()
    const [mail] = smtp.to(login.loginEmail)
    expect(mail?.subject).toBe(`【取引時確認】お申し込みを受け付けました（受付番号 ${submitted.reference}）`)
    expect(mail?.from?.text).toContain('kakunin@mail.example.jp')
    expect(mail?.text).toContain(submitted.reference)
    expect(mail?.text?.split('\n')[0]).toBe(`${answers.user.familyName} ${answers.user.givenName} 様`)
    expect(mail?.html).toContain('<html lang="ja">')

    // The link back to the phone verification opens this application, where it is, on any device.
    const token = linkIn(mail?.text ?? '')
    expect(token).toBeDefined()
    const preview = await app.inject({ method: 'GET', url: `/api/resume/${token}` })
    expect(preview.json()).toMatchObject({ reference: submitted.reference, status: 'SUBMITTED' })
    const opened = await app.inject({ method: 'POST', url: `/api/resume/${token}`, payload: {} })
    expect(opened.statusCode).toBe(200)
    expect(opened.json()).toMatchObject({ status: 'SUBMITTED' })
    expect((await app.inject({ method: 'POST', url: `/api/resume/${token}`, payload: {} })).statusCode).toBe(404)
  })

  it('審査結果: 承認 and 否認 (with what to correct and a link back) follow the verdict', async () => {
    for (const [details, subject] of [
      [matchingDetails, '承認'],
      [{ ...matchingDetails, givenName: '次郎' }, '否認'],
    ] as const) {
      const { browser, login, answers } = await applicantWithAddresses()
      await browser.submitComplete(answers)
      const { url } = (await browser.send('POST', `/api/applications/${browser.id}/verifications`)).json()
      await sandboxPhone(app, url).verify(details)
      await app.mail.flush()
      const verdict = smtp.to(login.loginEmail).find((mail) => mail.subject?.includes('審査結果'))
      expect(verdict?.subject).toContain(`審査結果のお知らせ：${subject}`)
      expect(verdict?.text?.split('\n')[0]).toBe(`${answers.user.familyName} ${answers.user.givenName} 様`)
      if (subject === '否認') {
        expect(verdict?.text).toContain('氏名（名）が本人確認書類の記載と一致しません')
        expect(linkIn(verdict?.text ?? '')).toBeDefined()
      }
    }
  })

  it('falls back to the 連絡用メールアドレス when the login address refuses mail for good', async () => {
    const { browser, login, answers } = await applicantWithAddresses()
    smtp.rejectRecipient(login.loginEmail)
    await browser.submitComplete(answers)
    await app.mail.flush()
    await app.mail.flush()
    expect(smtp.to(login.loginEmail)).toHaveLength(0)
    expect(smtp.to(login.contactEmail).map((mail) => mail.subject)).toEqual([expect.stringContaining('お申し込みを受け付けました')])
    const row = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: browser.id } })
    expect(row).toMatchObject({ status: 'SENT', deliveredTo: login.contactEmail, lastError: expect.stringContaining(login.loginEmail) })
  })

  it('survives an SMTP outage: nothing is lost, and every mail arrives exactly once', async () => {
    const applicants = await Promise.all([applicantWithAddresses(), applicantWithAddresses(), applicantWithAddresses()])
    smtp.setOutage(true)
    try {
      for (const { browser, answers } of applicants) await browser.submitComplete(answers)
      await app.mail.flush()
      const waiting = await app.prisma.outboxEmail.findMany({ where: { applicationId: { in: applicants.map((a) => a.browser.id) } } })
      expect(waiting.map((row) => [row.status, row.attempts])).toEqual([
        ['PENDING', 1],
        ['PENDING', 1],
        ['PENDING', 1],
      ])
      expect(waiting.every((row) => row.nextAttemptAt > new Date() && row.lastError)).toBe(true)
    } finally {
      smtp.setOutage(false)
    }
    // Time passes (the backoff): make the retries due now rather than wait.
    await app.prisma.outboxEmail.updateMany({ where: { status: 'PENDING' }, data: { nextAttemptAt: new Date(Date.now() - 1000) } })
    await app.mail.flush()
    await app.mail.flush()
    for (const { login } of applicants) expect(smtp.to(login.loginEmail)).toHaveLength(1)
    const sent = await app.prisma.outboxEmail.findMany({ where: { applicationId: { in: applicants.map((a) => a.browser.id) } } })
    expect(sent.map((row) => [row.status, row.attempts])).toEqual([
      ['SENT', 2],
      ['SENT', 2],
      ['SENT', 2],
    ])
  })
})

describe('a worker that died mid-way', () => {
  it('leaves its claim to lapse; the next pass sends the mail once, with the same Message-ID', async () => {
    const { browser, login, answers } = await applicantWithAddresses()
    await browser.submitComplete(answers)
    // As if a worker had claimed it and died before SMTP answered.
    await app.prisma.outboxEmail.updateMany({
      where: { applicationId: browser.id },
      data: { attempts: 1, lockedUntil: new Date(Date.now() + 60_000) },
    })
    await app.mail.flush()
    expect(smtp.to(login.loginEmail)).toHaveLength(0)
    await app.prisma.outboxEmail.updateMany({ where: { applicationId: browser.id }, data: { lockedUntil: new Date(Date.now() - 1000) } })
    await app.mail.flush()
    const row = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: browser.id } })
    expect(smtp.to(login.loginEmail).map((mail) => mail.messageId)).toEqual([row.messageId])
  })
})

describe('draft links', () => {
  it('restore the session on any device, once, and land where the applicant left off', async () => {
    const { browser, login } = await applicantWithAddresses()
    await browser.save('type', validAnswers.type, 'login')
    await browser.save('login', login, 'user')
    const sent = await browser.send('POST', `/api/applications/${browser.id}/draft-link`)
    expect(sent.statusCode).toBe(202)
    expect(sent.json().sentTo).toMatch(/^l\*\*\*@example\.com$/)
    await app.mail.flush()
    const mail = smtp.to(login.loginEmail).find((m) => m.subject?.includes('入力途中'))
    const token = linkIn(mail?.text ?? '')!
    expect(token).toBeDefined()

    // Another device: no cookie, only the link.
    const opened = await app.inject({ method: 'POST', url: `/api/resume/${token}`, payload: {} })
    expect(opened.statusCode).toBe(200)
    expect(opened.json()).toEqual({ status: 'DRAFT', resumeAt: 'user' })
    const cookie = opened.cookies.find((c) => c.name === 'kakunin_applicant')!
    const current = await app.inject({ url: '/api/applications/current', headers: { cookie: `kakunin_applicant=${cookie.value}` } })
    expect(current.json()).toMatchObject({ id: browser.id, answers: { login: { loginEmail: login.loginEmail } } })

    const again = await app.inject({ method: 'POST', url: `/api/resume/${token}`, payload: {} })
    expect(again.statusCode).toBe(404)
  })

  it('answer wrong, used, expired and malformed tokens alike', async () => {
    const { browser, login } = await applicantWithAddresses()
    await browser.save('login', login)
    await browser.send('POST', `/api/applications/${browser.id}/draft-link`)
    const row = await app.prisma.resumeToken.findFirstOrThrow({ where: { applicationId: browser.id } })
    await app.prisma.resumeToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    await app.mail.flush()
    const expired = linkIn(smtp.to(login.loginEmail).at(-1)?.text ?? '')!
    const bodies = new Set<string>()
    for (const token of [expired, 'A'.repeat(43), 'not a token', '%00']) {
      const response = await app.inject({ method: 'POST', url: `/api/resume/${encodeURIComponent(token)}`, payload: {} })
      expect(response.statusCode).toBe(404)
      bodies.add(response.body)
    }
    expect(bodies.size).toBe(1)
  })

  it('need a login address to send to', async () => {
    const browser = await applicantBrowser(app)
    const response = await browser.send('POST', `/api/applications/${browser.id}/draft-link`)
    expect(response.statusCode).toBe(409)
  })

  it('can be renewed from an old link, to the same address, without revealing anything, and not too often', async () => {
    const { browser, login } = await applicantWithAddresses()
    await browser.save('login', login)
    await browser.send('POST', `/api/applications/${browser.id}/draft-link`)
    await app.mail.flush()
    const old = linkIn(smtp.to(login.loginEmail).at(-1)?.text ?? '')!
    await app.inject({ method: 'POST', url: `/api/resume/${old}`, payload: {} })

    const ip = { remoteAddress: `127.0.0.${Math.floor(Math.random() * 200) + 2}` }
    const known = await app.inject({ method: 'POST', url: `/api/resume/${old}/renew`, ...ip, payload: {} })
    const unknown = await app.inject({ method: 'POST', url: `/api/resume/${'B'.repeat(43)}/renew`, ...ip, payload: {} })
    expect(known.statusCode).toBe(202)
    expect(unknown.statusCode).toBe(202)
    expect(unknown.body).toBe(known.body)
    await app.mail.flush()
    const fresh = linkIn(smtp.to(login.loginEmail).at(-1)?.text ?? '')!
    expect(fresh).not.toBe(old)
    expect((await app.inject({ method: 'POST', url: `/api/resume/${fresh}`, payload: {} })).statusCode).toBe(200)

    await app.inject({ method: 'POST', url: `/api/resume/${old}/renew`, ...ip, payload: {} })
    const limited = await app.inject({ method: 'POST', url: `/api/resume/${old}/renew`, ...ip, payload: {} })
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('RATE_LIMITED')
  })
})
