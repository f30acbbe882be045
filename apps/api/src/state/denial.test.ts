import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { matchingDetails, sandboxPhone } from '#src/test/sandbox-phone.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

type Browser = Awaited<ReturnType<typeof applicantBrowser>>

/** The phone reads an ID whose 氏 is 髙田 and whose address differs from the form's. */
async function deniedByThePhone(browser: Browser) {
  const started = (await browser.send('POST', `/api/applications/${browser.id}/verifications`)).json()
  await sandboxPhone(app, started.url).verify({ ...matchingDetails, familyName: '髙田', address: '東京都渋谷区渋谷1丁目1番1号' })
}

describe("the applicant's view of a denial", () => {
  it('gives the flagged fields as they were denied, and keeps them so while the applicant corrects', async () => {
    const browser = await applicantBrowser(app)
    const denied = { ...validAnswers, user: { ...validAnswers.user, familyName: '高田', familyNameKana: 'タカダ' } }
    await browser.submitComplete(denied)
    await deniedByThePhone(browser)

    const view = await browser.refresh()
    expect(view.status).toBe('DENIED')
    expect(view.denial.fields).toEqual(['user.familyName', 'user.address'])
    expect(view.denial.values).toEqual({ 'user.familyName': '高田', 'user.address': validAnswers.user.address })

    // Corrected: the answers move on, what was denied stays as it was denied.
    const saved = await browser.save('user', { ...denied.user, familyName: '髙田' })
    expect(saved.statusCode, saved.body).toBe(200)
    const corrected = await browser.refresh()
    expect(corrected.answers.user.familyName).toBe('髙田')
    expect(corrected.denial.values).toEqual({ 'user.familyName': '高田', 'user.address': validAnswers.user.address })
  })

  it('after a second denial, gives the values of the submission denied last', async () => {
    const browser = await applicantBrowser(app)
    await browser.submitComplete({ ...validAnswers, user: { ...validAnswers.user, familyName: '高田', familyNameKana: 'タカダ' } })
    await deniedByThePhone(browser)
    await browser.refresh()
    const resaved = await browser.save('user', { ...validAnswers.user, familyName: '高木', familyNameKana: 'タカギ' })
    expect(resaved.statusCode, resaved.body).toBe(200)
    expect((await browser.submit()).statusCode).toBe(200)
    await deniedByThePhone(browser)

    expect((await browser.refresh()).denial.values['user.familyName']).toBe('高木')
  })

  it('has no denial once the corrected application is sent again', async () => {
    const browser = await applicantBrowser(app)
    await browser.submitComplete({ ...validAnswers, user: { ...validAnswers.user, familyName: '高田', familyNameKana: 'タカダ' } })
    await deniedByThePhone(browser)
    await browser.refresh()
    expect((await browser.submit()).statusCode).toBe(200)
    expect((await browser.refresh()).denial).toBeNull()
  })
})
