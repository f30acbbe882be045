import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { matchingDetails, sandboxPhone } from '#src/test/sandbox-phone.ts'
import { buildTestApp } from '#src/test/test-app.ts'

// What the phone reads from the document goes into the 確認記録, but never a 個人番号 (番号法).

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

async function phoneWith(documentType: string) {
  const browser = await applicantBrowser(app)
  await browser.submitComplete()
  const opened = await browser.send('POST', `/api/applications/${browser.id}/verifications`)
  const phone = sandboxPhone(app, opened.json().url)
  const method = documentType === 'my_number_card' ? 'ic_chip' : 'ho'
  expect((await phone.start(method, documentType)).statusCode).toBe(204)
  for (const kind of method === 'ic_chip' ? ['selfie'] : ['front', 'back', 'selfie']) expect((await phone.upload(kind)).statusCode).toBe(204)
  return { browser, phone }
}

describe('the document number read on the phone', () => {
  it('keeps a 運転免許証 number (12 digits), its expiry and issuer with the approved verification', async () => {
    const { browser, phone } = await phoneWith('drivers_license')
    // A licence's 12 digits end in the reissue count: this one would fit a 個人番号's check digit.
    const read = { documentNumber: '1234 5678 9018', expiresOn: '２０３１-０４-０１', issuer: '東京都公安委員会' }
    expect((await phone.complete({ ...matchingDetails, ...read })).statusCode).toBe(204)
    const verification = await app.prisma.verification.findFirstOrThrow({ where: { applicationId: browser.id } })
    expect(verification.result).toMatchObject({ verdict: 'APPROVED', read: { documentNumber: '123456789018', expiresOn: '2031-04-01', issuer: '東京都公安委員会' } })
  })

  it('refuses a 個人番号 on a document whose own number is no 12 digits, and any number on a マイナンバーカード', async () => {
    const licence = await phoneWith('passport')
    const refused = await licence.phone.complete({ ...matchingDetails, documentNumber: '1234‐5678‐9018' })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.fields.documentNumber).toMatch(/個人番号/)
    const card = await phoneWith('my_number_card')
    const numbered = await card.phone.complete({ ...matchingDetails, documentNumber: 'AB12345' })
    expect(numbered.statusCode).toBe(400)
    expect(numbered.json().error.fields.documentNumber).toMatch(/個人番号/)
    expect((await card.phone.complete(matchingDetails)).statusCode).toBe(204)
    const verification = await app.prisma.verification.findFirstOrThrow({ where: { applicationId: card.browser.id } })
    expect(verification.result).toMatchObject({ read: { familyName: matchingDetails.familyName } })
    expect((verification.result as { read: object }).read).not.toHaveProperty('documentNumber')
  })
})
