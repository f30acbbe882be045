import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const logout = (headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/session/logout', headers, payload: {} })

describe('POST /api/session/logout', () => {
  it('ends this browser’s session on the server and takes the cookie away', async () => {
    const browser = await applicantBrowser(app)
    const response = await logout(browser.headers)
    expect(response.statusCode).toBe(204)
    expect(response.body).toBe('')
    const cleared = response.cookies.find((c) => c.name === 'kakunin_applicant')!
    expect(cleared).toMatchObject({ value: '', path: '/api', httpOnly: true })
    expect(cleared.expires!.getTime()).toBeLessThan(Date.now())

    const stored = await app.prisma.applicantSession.findFirstOrThrow({ where: { applicationId: browser.id } })
    expect(stored).toMatchObject({ revokedReason: 'LOGOUT', revokedAt: expect.any(Date) })

    // A copy of the old cookie is worth nothing now: reads and writes alike.
    expect((await browser.send('GET', '/api/applications/current')).statusCode).toBe(204)
    expect((await browser.send('GET', `/api/applications/${browser.id}`)).statusCode).toBe(404)
    expect((await browser.save('type', validAnswers.type)).statusCode).toBe(404)
    expect((await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).version).toBe(1)
  })

  it('ends only this browser’s session', async () => {
    const browser = await applicantBrowser(app)
    const other = await applicantBrowser(app)
    await logout(browser.headers)
    expect((await other.send('GET', '/api/applications/current')).json().id).toBe(other.id)
  })

  it('answers 204 again, and without any session', async () => {
    const browser = await applicantBrowser(app)
    await logout(browser.headers)
    const revokedAt = (await app.prisma.applicantSession.findFirstOrThrow({ where: { applicationId: browser.id } })).revokedAt
    expect((await logout(browser.headers)).statusCode).toBe(204)
    // The first logout's time stands.
    expect((await app.prisma.applicantSession.findFirstOrThrow({ where: { applicationId: browser.id } })).revokedAt).toEqual(revokedAt)
    expect((await logout()).statusCode).toBe(204)
    expect((await logout({ cookie: 'kakunin_applicant=forged' })).statusCode).toBe(204)
  })
})
