import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STALE_VERSION_MESSAGE } from '@kakunin/schema/application'
import type { App } from '#src/app.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const row = (id: string) => app.prisma.application.findUniqueOrThrow({ where: { id } })

/** PUT …/steps/:step/draft with the version the browser read. */
async function saveDraft(browser: Awaited<ReturnType<typeof applicantBrowser>>, step: string, values: unknown, resumeAt?: string) {
  await browser.refresh()
  return browser.send('PUT', `/api/applications/${browser.id}/steps/${step}/draft`, { version: browser.version, values, ...(resumeAt ? { resumeAt } : {}) })
}

describe('saving a draft of a step', () => {
  it('keeps the fields that are right, normalised, apart from the answers, with an event', async () => {
    const browser = await applicantBrowser(app)
    const { birthDate: _birthDate, ...rest } = validAnswers.user
    const response = await saveDraft(browser, 'user', { ...rest, familyNameKana: 'やまだ' }, 'user')
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ version: 2, resumeAt: 'user', answers: {}, drafts: { user: { ...rest, familyNameKana: 'ヤマダ' } } })
    expect(body.drafts.user.birthDate).toBeUndefined()
    const stored = await row(browser.id)
    // Not an answer: nothing a search or a submission reads has changed.
    expect(stored).toMatchObject({ fullName: null, fullNameKana: null })
    const events = await app.prisma.applicationEvent.findMany({ where: { applicationId: browser.id }, orderBy: { id: 'asc' } })
    expect(events.at(-1)).toMatchObject({ type: 'ANSWERS_SAVED', data: { step: 'user', draft: true } })
  })

  it('refuses a wrong field with its message and stores nothing', async () => {
    const browser = await applicantBrowser(app)
    const before = await row(browser.id)
    const response = await saveDraft(browser, 'user', {
      familyName: '山田',
      birthDate: { year: '1990', month: '2', day: '30' },
      givenNameKana: 'Taro',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { 'values.birthDate': '実在する日付を入力してください', 'values.givenNameKana': 'フリガナは全角カタカナで入力してください' },
    })
    const after = await row(browser.id)
    expect(after.version).toBe(before.version)
    expect(after.answers).toEqual(before.answers)
  })

  it('leaves rules across fields to the step’s own save', async () => {
    const browser = await applicantBrowser(app)
    const same = { loginEmail: 'taro@example.com', contactEmail: 'taro@example.com' }
    expect((await saveDraft(browser, 'login', same)).statusCode).toBe(200)
    expect((await browser.save('login', { ...validAnswers.login, ...same })).statusCode).toBe(400)
  })

  it('keeps the saved answers of the step, and the step’s own save clears its draft', async () => {
    const browser = await applicantBrowser(app)
    await browser.saveAll({ login: validAnswers.login })
    const draft = await saveDraft(browser, 'login', { loginEmail: 'new@example.com' })
    expect(draft.json()).toMatchObject({ answers: { login: validAnswers.login }, drafts: { login: { loginEmail: 'new@example.com' } } })
    await browser.refresh()
    const saved = await browser.save('login', { ...validAnswers.login, loginEmail: 'new@example.com' })
    expect(saved.statusCode).toBe(200)
    expect(saved.json().drafts).toEqual({})
    expect(saved.json().answers.login.loginEmail).toBe('new@example.com')
  })

  it('refuses the verified SID in the first-time flow, and a stale version', async () => {
    const browser = await applicantBrowser(app, 'FIRST_TIME')
    const sid = await saveDraft(browser, 'login', { verifiedAccountSid: `AC${'1'.repeat(32)}` })
    expect(sid.statusCode).toBe(400)
    expect(sid.json().error.fields).toEqual({ 'values.verifiedAccountSid': 'この項目は受け付けていません' })
    const stale = await browser.send('PUT', `/api/applications/${browser.id}/steps/login/draft`, { version: 99, values: {} })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.message).toBe(STALE_VERSION_MESSAGE)
    expect((await row(browser.id)).version).toBe(1)
  })
})
