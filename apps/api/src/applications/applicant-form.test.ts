import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STALE_VERSION_MESSAGE } from '@kakunin/schema/application'
import { STEP_IDS } from '@kakunin/schema/form/steps'
import type { App } from '#src/app.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { birthDateForAge } from '@kakunin/test-data/birth-date'
import { validAnswers } from '#src/test/valid-answers.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const applicant = (flow?: 'FIRST_TIME' | 'LINK_VERIFIED') => applicantBrowser(app, flow)

const events = (applicationId: string) =>
  app.prisma.applicationEvent.findMany({ where: { applicationId }, orderBy: { id: 'asc' } })

describe('the applicant session', () => {
  it('reads its own application back, as current and by id', async () => {
    const browser = await applicant()
    const current = await browser.send('GET', '/api/applications/current')
    expect(current.statusCode).toBe(200)
    expect(current.json()).toMatchObject({ id: browser.id, status: 'DRAFT', answers: {}, resumeAt: 'type' })
    expect((await browser.send('GET', `/api/applications/${browser.id}`)).json().id).toBe(browser.id)
  })

  it('without a cookie, or with a forged one, reaches nothing', async () => {
    const browser = await applicant()
    for (const headers of [{}, { cookie: 'kakunin_applicant=forged' }]) {
      expect((await app.inject({ url: '/api/applications/current', headers })).statusCode).toBe(204)
      const byId = await app.inject({ url: `/api/applications/${browser.id}`, headers })
      expect(byId.statusCode).toBe(404)
      expect(byId.json().error.code).toBe('NOT_FOUND')
    }
  })

  it('cannot read or change another applicant’s application, which stays untouched', async () => {
    const alice = await applicant()
    const mallory = await applicant()
    expect((await mallory.send('GET', `/api/applications/${alice.id}`)).statusCode).toBe(404)
    const write = await mallory.send('PUT', `/api/applications/${alice.id}/steps/type`, {
      version: 1,
      values: { applicantType: 'INDIVIDUAL' },
    })
    expect(write.statusCode).toBe(404)
    expect((await mallory.send('POST', `/api/applications/${alice.id}/submit`, { version: 1 })).statusCode).toBe(404)
    expect((await alice.send('GET', '/api/applications/current')).json()).toMatchObject({ version: 1, answers: {} })
  })

  it('expires', async () => {
    const browser = await applicant()
    await app.prisma.applicantSession.updateMany({ where: { applicationId: browser.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect((await browser.send('GET', '/api/applications/current')).statusCode).toBe(204)
  })
})

describe('saving the steps', () => {
  it('saves each step, normalised, with its version, resume point and an event', async () => {
    const browser = await applicant()
    const response = await browser.save(
      'login',
      { accountSid: '  ac0123456789ABCDEF0123456789ABCDEF ', loginEmail: 'taro@example.com', contactEmail: 'ｔａｒｏ２@example.com' },
      'user',
    )
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      version: 2,
      resumeAt: 'user',
      answers: {
        login: { accountSid: 'AC0123456789abcdef0123456789abcdef', loginEmail: 'taro@example.com', contactEmail: 'taro2@example.com' },
      },
    })
    const [, saved] = await events(browser.id)
    expect(saved).toMatchObject({ type: 'ANSWERS_SAVED', actorType: 'APPLICANT', data: { step: 'login' } })
    const row = await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })
    expect(row).toMatchObject({ accountSid: 'AC0123456789abcdef0123456789abcdef', loginEmail: 'taro@example.com' })
  })

  it('keeps every earlier step when a later one is saved, so a reload loses nothing', async () => {
    const browser = await applicant()
    await browser.saveAll()
    const current = (await browser.send('GET', '/api/applications/current')).json()
    expect(Object.keys(current.answers).sort()).toEqual([...STEP_IDS].sort())
    expect(current.answers.user.familyName).toBe('山田')
    expect(current.version).toBe(1 + STEP_IDS.length)
  })

  it.each([
    ['a malformed SID', 'login', { ...validAnswers.login, accountSid: 'AC123' }, 'values.accountSid'],
    ['the same address twice', 'login', { ...validAnswers.login, contactEmail: 'TARO@example.com' }, 'values.contactEmail'],
    [
      'an impossible date (2月30日)',
      'user',
      { ...validAnswers.user, birthDate: { year: '1990', month: '2', day: '30' } },
      'values.birthDate',
    ],
    ['a future birth date', 'user', { ...validAnswers.user, birthDate: birthDateForAge(-1) }, 'values.birthDate'],
    ['latin letters as フリガナ', 'user', { ...validAnswers.user, familyNameKana: 'Yamada' }, 'values.familyNameKana'],
    ['a control character', 'user', { ...validAnswers.user, givenName: '太\u0000郎' }, 'values.givenName'],
    ['a name that is too long', 'user', { ...validAnswers.user, familyName: '山'.repeat(51) }, 'values.familyName'],
    ['その他 without text', 'purpose', { ...validAnswers.purpose, purposes: ['OTHER'] }, 'values.purposeOther'],
    ['a 通称 without its reason', 'extra', { ...validAnswers.extra, tradeName: 'タロー', tradeNameKind: 'ALIAS' }, 'values.aliasReason'],
    ['half an agent', 'agent', { hasAgent: 'YES', agent: { familyName: '山田' } }, 'values.agent.givenName'],
    ['a corporation', 'type', { applicantType: 'CORPORATE' }, 'values.applicantType'],
    ['a wrongly typed field', 'purpose', { ...validAnswers.purpose, highValueTransactions: 'yes' }, 'values.highValueTransactions'],
    ['an unknown field', 'login', { ...validAnswers.login, role: 'admin' }, 'values.role'],
  ])('answers %s with 400 on the field, in Japanese, and keeps what was saved', async (_, step, values, field) => {
    const browser = await applicant()
    await browser.saveAll()
    const before = (await browser.send('GET', '/api/applications/current')).json()
    const response = await browser.save(step, values)
    expect(response.statusCode).toBe(400)
    const body = response.json()
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.fields[field]).toMatch(/[ぁ-んァ-ヶ一-龯]/)
    expect((await browser.send('GET', '/api/applications/current')).json()).toEqual(before)
  })

  it('reports every failing field at once', async () => {
    const browser = await applicant()
    const response = await browser.save('login', { accountSid: 'x', loginEmail: 'no-at-sign', contactEmail: '' })
    expect(Object.keys(response.json().error.fields).sort()).toEqual(['values.accountSid', 'values.contactEmail', 'values.loginEmail'])
  })

  it('refuses a stale version with 409 and overwrites nothing', async () => {
    const browser = await applicant()
    await browser.save('type', validAnswers.type)
    const stale = await browser.send('PUT', `/api/applications/${browser.id}/steps/login`, { version: 1, values: validAnswers.login })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toEqual({ error: { code: 'CONFLICT', message: STALE_VERSION_MESSAGE } })
    expect((await browser.send('GET', '/api/applications/current')).json().answers.login).toBeUndefined()
  })

  it('lets only one of two simultaneous writes of the same version win', async () => {
    const browser = await applicant()
    const version = browser.version
    const write = (email: string) =>
      browser.send('PUT', `/api/applications/${browser.id}/steps/login`, {
        version,
        values: { ...validAnswers.login, contactEmail: email },
      })
    const results = await Promise.all([write('a@example.com'), write('b@example.com')])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })

  it('requires a 法定代理人 as agent when the user is under 18', async () => {
    const browser = await applicant()
    await browser.save('user', { ...validAnswers.user, birthDate: birthDateForAge(16) })
    const none = await browser.save('agent', { hasAgent: 'NO' })
    expect(none.statusCode).toBe(400)
    expect(none.json().error.fields['values.hasAgent']).toMatch(/法定代理人/)
    const agent = { ...validAnswers.user, familyName: '山田', givenName: '花子', givenNameKana: 'ハナコ', birthDate: birthDateForAge(45) }
    const friend = await browser.save('agent', { hasAgent: 'YES', agent: { ...agent, relationship: 'FRIEND', relationshipOther: '' } })
    expect(friend.json().error.fields['values.agent.relationship']).toMatch(/法定代理人/)
    const guardian = await browser.save('agent', {
      hasAgent: 'YES',
      agent: { ...agent, relationship: 'LEGAL_GUARDIAN', relationshipOther: '' },
    })
    expect(guardian.statusCode).toBe(200)
  })

  it('refuses the steps the already-verified flow does not have', async () => {
    const browser = await applicant('LINK_VERIFIED')
    const response = await browser.save('user', validAnswers.user)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('BAD_REQUEST')
  })
})

describe('submitting', () => {
  it('moves a complete application to SUBMITTED and records exactly what was submitted', async () => {
    const browser = await applicant()
    await browser.saveAll()
    const response = await browser.submit()
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'SUBMITTED', resumeAt: null })
    expect(response.json().submittedAt).toEqual(expect.any(String))
    const submitted = (await events(browser.id)).at(-1)
    expect(submitted).toMatchObject({ type: 'SUBMITTED', actorType: 'APPLICANT', fromStatus: 'DRAFT', toStatus: 'SUBMITTED' })
    expect((submitted!.data as { answers: unknown }).answers).toEqual(response.json().answers)
  })

  it('names each missing step and changes nothing', async () => {
    const browser = await applicant()
    await browser.save('type', validAnswers.type)
    await browser.save('login', validAnswers.login)
    const response = await browser.submit()
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual({
      user: '「利用者情報」が入力されていません',
      purpose: '「内容・目的」が入力されていません',
      extra: '「補足情報」が入力されていません',
      agent: '「代理人情報」が入力されていません',
    })
    expect((await browser.send('GET', '/api/applications/current')).json().status).toBe('DRAFT')
  })

  it('checks the rules spanning steps again: a user who became a minor needs a guardian', async () => {
    const browser = await applicant()
    await browser.saveAll()
    await browser.save('user', { ...validAnswers.user, birthDate: birthDateForAge(17) })
    const response = await browser.submit()
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields['agent.hasAgent']).toMatch(/法定代理人/)
  })

  it('refuses a stale version, and any change once submitted', async () => {
    const browser = await applicant()
    await browser.saveAll()
    const stale = await browser.send('POST', `/api/applications/${browser.id}/submit`, { version: 1 })
    expect(stale.statusCode).toBe(409)
    expect((await browser.submit()).statusCode).toBe(200)
    const late = await browser.save('purpose', validAnswers.purpose)
    expect(late.statusCode).toBe(409)
    expect(late.json().error.message).toMatch(/送信済み/)
    expect((await browser.submit()).statusCode).toBe(409)
  })
})
