import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

// The app's clock, moved by the tests: idle and absolute expiry without waiting.
let now: Date
const minutes = (n: number) => {
  now = new Date(now.getTime() + n * 60_000)
}

let app: App
beforeAll(async () => {
  now = new Date()
  app = await buildTestApp({ clock: () => now })
})
afterAll(() => app.close())
beforeEach(() => {
  now = new Date()
})

const session = (applicationId: string) => app.prisma.applicantSession.findFirstOrThrow({ where: { applicationId } })

/** Every way an applicant reaches the application: the reads, and the single-statement writes. */
async function reaches(browser: Awaited<ReturnType<typeof applicantBrowser>>) {
  const current = await browser.send('GET', '/api/applications/current')
  const byId = await browser.send('GET', `/api/applications/${browser.id}`)
  const saved = await browser.send('PUT', `/api/applications/${browser.id}/steps/type`, { version: browser.version, values: validAnswers.type })
  const submitted = await browser.send('POST', `/api/applications/${browser.id}/submit`, { version: browser.version })
  return { current: current.statusCode, byId: byId.statusCode, saved: saved.statusCode, submitted: submitted.statusCode, body: byId.json() }
}

const refused = { current: 204, byId: 404, saved: 404, submitted: 404 }

describe('idle timeout (SESSION_IDLE_MINUTES, 30 by default)', () => {
  it('ends a session unused for 30 minutes: reads and hot writes alike get the plain 404', async () => {
    const browser = await applicantBrowser(app)
    minutes(29)
    expect((await browser.send('GET', '/api/applications/current')).statusCode).toBe(200)
    minutes(30.5)
    const result = await reaches(browser)
    expect(result).toMatchObject(refused)
    expect(result.body).toEqual({ error: { code: 'NOT_FOUND', message: 'お申し込みが見つかりません' } })
    // Nothing was written through the idle session.
    expect(await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).toMatchObject({ version: 1, answers: {} })
  })

  it('counts from the last request, reads and saves alike', async () => {
    const browser = await applicantBrowser(app)
    // Only saves, every 20 minutes: each one starts the idle time again.
    for (const step of ['type', 'login', 'user'] as const) {
      minutes(20)
      expect((await browser.save(step, validAnswers[step])).statusCode).toBe(200)
    }
    minutes(20)
    expect((await browser.send('GET', `/api/applications/${browser.id}`)).statusCode).toBe(200)
    minutes(20)
    expect((await browser.save('purpose', validAnswers.purpose)).statusCode).toBe(200)
    expect((await session(browser.id)).lastSeenAt).toEqual(now)
  })

  it("does not count the page's automatic polls as activity: a tab left open still times out", async () => {
    const browser = await applicantBrowser(app)
    const poll = () => app.inject({ method: 'GET', url: '/api/applications/current', headers: { ...browser.headers, 'x-kakunin-poll': '1' } })
    for (let polled = 0; polled < 5; polled++) {
      minutes(5)
      expect((await poll()).statusCode).toBe(200)
    }
    minutes(6) // 31 minutes after the last request of the person
    expect((await poll()).statusCode).toBe(204)
    expect(await reaches(browser)).toMatchObject(refused)
  })

  it('writes last_seen_at at most once a minute', async () => {
    const browser = await applicantBrowser(app)
    const opened = (await session(browser.id)).lastSeenAt
    minutes(0.5)
    await browser.send('GET', '/api/applications/current')
    await browser.save('type', validAnswers.type)
    expect((await session(browser.id)).lastSeenAt).toEqual(opened)
    minutes(1)
    await browser.send('GET', '/api/applications/current')
    expect((await session(browser.id)).lastSeenAt).toEqual(now)
  })

  it('is configurable', async () => {
    const short = await buildTestApp({ env: { SESSION_IDLE_MINUTES: '5' }, clock: () => now })
    try {
      const browser = await applicantBrowser(short)
      minutes(4)
      expect((await browser.save('type', validAnswers.type)).statusCode).toBe(200)
      minutes(6)
      expect((await browser.save('type', validAnswers.type)).statusCode).toBe(404)
      expect((await browser.send('GET', '/api/applications/current')).statusCode).toBe(204)
    } finally {
      await short.close()
    }
  })
})

describe('absolute lifetime (SESSION_MAX_HOURS, 12 by default)', () => {
  it('ends a session 12 hours after it opened however busy it is; the cookie expires with it', async () => {
    const opened = now
    const created = await app.inject({ method: 'POST', url: '/api/applications', payload: { flow: 'FIRST_TIME' } })
    const cookie = created.cookies.find((c) => c.name === 'kakunin_applicant')!
    const twelveHours = opened.getTime() + 12 * 60 * 60 * 1000
    expect(cookie.expires?.getTime()).toBe(Math.floor(twelveHours / 1000) * 1000)
    const stored = await session(created.json().id)
    expect(stored.expiresAt.getTime()).toBe(twelveHours)
    expect(stored).toMatchObject({ createdAt: opened, lastSeenAt: opened, revokedAt: null })

    const headers = { cookie: `kakunin_applicant=${cookie.value}` }
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      minutes(20)
      expect((await app.inject({ url: '/api/applications/current', headers })).statusCode).toBe(200)
    }
    minutes(21)
    expect(now.getTime()).toBeGreaterThan(twelveHours)
    expect((await app.inject({ url: '/api/applications/current', headers })).statusCode).toBe(204)
    const save = await app.inject({ method: 'PUT', url: `/api/applications/${created.json().id}/steps/type`, headers, payload: { version: 1, values: validAnswers.type } })
    expect(save.statusCode).toBe(404)
  })

  it('is configurable', async () => {
    const short = await buildTestApp({ env: { SESSION_MAX_HOURS: '1' }, clock: () => now })
    try {
      const browser = await applicantBrowser(short)
      minutes(25)
      expect((await browser.save('type', validAnswers.type)).statusCode).toBe(200)
      minutes(25)
      expect((await browser.send('GET', '/api/applications/current')).statusCode).toBe(200)
      minutes(15)
      expect((await browser.send('GET', '/api/applications/current')).statusCode).toBe(204)
    } finally {
      await short.close()
    }
  })
})

describe('a revoked session', () => {
  it('reaches nothing, its reads and hot writes the same 404 as any other', async () => {
    const browser = await applicantBrowser(app)
    await app.prisma.applicantSession.updateMany({ where: { applicationId: browser.id }, data: { revokedAt: now, revokedReason: 'LOGOUT' } })
    expect(await reaches(browser)).toMatchObject(refused)
  })
})
