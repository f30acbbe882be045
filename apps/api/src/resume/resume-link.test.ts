import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'
import { uniqueEmail } from '@kakunin/test-data/accounts'
import { INVALID_LINK_MESSAGE } from './resume-service.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

/** A draft with its login addresses, a resume link mailed for it (read from the queued mail). */
async function draftWithLink() {
  const browser = await applicantBrowser(app)
  await browser.save('type', validAnswers.type, 'login')
  // An address of its own: draft-link mails are limited per address.
  await browser.save('login', { ...validAnswers.login, loginEmail: uniqueEmail() }, 'user')
  expect((await browser.send('POST', `/api/applications/${browser.id}/draft-link`, {})).statusCode).toBe(202)
  const mail = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: browser.id, template: 'DRAFT_SAVED' }, orderBy: { createdAt: 'desc' } })
  return { browser, token: tokenIn(mail.text) }
}

const tokenIn = (text: string) => text.match(/\/resume\/([A-Za-z0-9_-]+)/)![1]!

const preview = (token: string) => app.inject({ method: 'GET', url: `/api/resume/${token}` })
const redeem = (token: string) => app.inject({ method: 'POST', url: `/api/resume/${token}`, payload: {} })
const cookieOf = (response: Awaited<ReturnType<typeof redeem>>) => ({
  cookie: `kakunin_applicant=${response.cookies.find((c) => c.name === 'kakunin_applicant')!.value}`,
})

describe('GET /api/resume/:token, the preview', () => {
  it('says whose application the link continues, and leaves the link unused', async () => {
    const { browser, token } = await draftWithLink()
    const { reference } = await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })
    for (let i = 0; i < 2; i++) {
      const response = await preview(token)
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ sentTo: expect.stringMatching(/^t\*\*\*@example\.com$/), reference, status: 'DRAFT' })
      // No session is given by reading it.
      expect(response.cookies).toEqual([])
    }
    expect(await app.prisma.resumeToken.findFirstOrThrow({ where: { applicationId: browser.id } })).toMatchObject({ usedAt: null })
    expect((await redeem(token)).statusCode).toBe(200)
  })

  it('answers unknown, used and expired links with the same 404, revealing nothing', async () => {
    const used = await draftWithLink()
    await redeem(used.token)
    const expired = await draftWithLink()
    await app.prisma.resumeToken.updateMany({ where: { applicationId: expired.browser.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const bodies = []
    for (const token of ['B'.repeat(43), used.token, expired.token, 'x']) {
      const response = await preview(token)
      expect(response.statusCode).toBe(404)
      bodies.push(response.json())
    }
    expect(new Set(bodies.map((body) => JSON.stringify(body)))).toEqual(new Set([JSON.stringify({ error: { code: 'NOT_FOUND', message: INVALID_LINK_MESSAGE } })]))
  })
})

describe('POST /api/resume/:token, redeeming', () => {
  it('hands the application to this browser alone: the other sessions end (REPLACED)', async () => {
    const { browser, token } = await draftWithLink()
    const second = await draftWithLink()
    const redeemed = await redeem(token)
    expect(redeemed.statusCode).toBe(200)
    expect(redeemed.json()).toEqual({ status: 'DRAFT', resumeAt: 'user' })
    const resumed = cookieOf(redeemed)

    // The browser that had it before reaches nothing now, reads and hot writes alike.
    expect((await browser.send('GET', `/api/applications/${browser.id}`)).statusCode).toBe(404)
    expect((await browser.save('user', validAnswers.user)).statusCode).toBe(404)
    const sessions = await app.prisma.applicantSession.findMany({ where: { applicationId: browser.id }, orderBy: { createdAt: 'asc' } })
    expect(sessions.map((s) => s.revokedReason)).toEqual(['REPLACED', null])

    // The new one does; another application's session is untouched.
    const current = await app.inject({ url: '/api/applications/current', headers: resumed })
    expect(current.json()).toMatchObject({ id: browser.id, status: 'DRAFT' })
    expect((await second.browser.send('GET', '/api/applications/current')).json().id).toBe(second.browser.id)
  })

  it('a second link redeemed later replaces the first link’s session', async () => {
    const { browser, token } = await draftWithLink()
    const first = cookieOf(await redeem(token))
    const again = await browser.send('POST', `/api/applications/${browser.id}/draft-link`, {})
    expect(again.statusCode).toBe(404)
    const mail = await app.inject({ method: 'POST', url: `/api/applications/${browser.id}/draft-link`, headers: first, payload: {} })
    expect(mail.statusCode).toBe(202)
    const mails = await app.prisma.outboxEmail.findMany({ where: { applicationId: browser.id, template: 'DRAFT_SAVED' } })
    const fresh = mails.map((m) => tokenIn(m.text)).find((t) => t !== token)!
    const second = cookieOf(await redeem(fresh))
    expect((await app.inject({ url: '/api/applications/current', headers: first })).statusCode).toBe(204)
    expect((await app.inject({ url: '/api/applications/current', headers: second })).statusCode).toBe(200)
  })
})
