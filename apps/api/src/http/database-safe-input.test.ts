import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { staffClient } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

// Single values that reached PostgreSQL and came back as 500s: each is now a 400 in the error
// shape, and the application is as it was.

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('input the database could not store', () => {
  it('refuses a version beyond int4, an unpaired surrogate and a NUL with 400, changing nothing', async () => {
    const browser = await applicantBrowser(app)
    const before = await browser.refresh()
    const save = (version: number, values: object) => browser.send('PUT', `/api/applications/${browser.id}/steps/user`, { version, values })
    for (const response of [
      await save(2 ** 31, validAnswers.user),
      await save(before.version, { ...validAnswers.user, address: { ...validAnswers.user.address, building: 'ビル\ud800' } }),
      await save(before.version, { ...validAnswers.user, familyName: '山\u0000田' }),
    ]) {
      expect(response.statusCode).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
    }
    expect(await browser.refresh()).toEqual(before)
  })

  it('refuses a NUL in staff search parameters and the development mailbox with 400', async () => {
    const staff = await staffClient(app, 'VIEWER')
    for (const query of ['name=%00', 'email=a%00b@example.com', 'reference=KYC%00', 'cursor=%00']) {
      const response = await staff.get(`/applications?${query}`)
      expect(response.statusCode, query).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
    }
    expect((await app.inject({ url: '/api/dev/mailbox?to=a%00b' })).statusCode).toBe(400)
  })

  it('refuses text whose bytes were not UTF-8 (a lone surrogate sent raw) instead of storing U+FFFD', async () => {
    const staff = await staffClient(app, 'VIEWER')
    const content = `住所の書き方について ${'x'.repeat(8)}`
    const json = JSON.stringify({ kind: 'OTHER', name: '山田 太郎', email: 'fffd@example.com', accountSid: '', content })
    // The CESU-8 bytes of U+D800 inside the JSON, as a client that encodes lone surrogates sends them.
    const body = Buffer.concat([Buffer.from(json.slice(0, -2)), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(json.slice(-2))])
    const response = await app.inject({ method: 'POST', url: '/api/inquiries', headers: { 'content-type': 'application/json' }, payload: body })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toHaveProperty('content')
    const listed = (await staff.get('/inquiries?status=OPEN')).json().items as { email?: string }[]
    expect(JSON.stringify(listed)).not.toContain('fffd@')
  })
})
