import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { matchingDetails, PNG, sandboxPhone } from '#src/test/sandbox-phone.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

let app: App
// Real time unless a test moves it: submissions are stamped by the database's clock.
const realNow = new Date()
let now = realNow
const started = Date.now()
beforeAll(async () => {
  // Time as the test sets it, still moving forward as real time does.
  // The tests let a QR code's 30 minutes pass in one jump; the desktop page would poll meanwhile,
  // so the applicant's session must not idle out over it.
  app = await buildTestApp({ env: { SESSION_IDLE_MINUTES: '60' }, clock: () => new Date(now.getTime() + (Date.now() - started)) })
})
afterAll(() => app.close())

async function submittedApplicant() {
  const browser = await applicantBrowser(app)
  await browser.submitComplete()
  return browser
}

const startVerification = (browser: Awaited<ReturnType<typeof applicantBrowser>>) =>
  browser.send('POST', `/api/applications/${browser.id}/verifications`)
const current = async (browser: Awaited<ReturnType<typeof applicantBrowser>>) =>
  (await browser.send('GET', `/api/applications/${browser.id}/verifications/current`)).json()
const eventTypes = async (applicationId: string) =>
  (await app.prisma.applicationEvent.findMany({ where: { applicationId }, orderBy: { id: 'asc' } })).map((e) => e.type)

describe('identity verification with the sandbox provider', () => {
  it('goes from the QR code through the phone to APPROVED, every step recorded', async () => {
    const browser = await submittedApplicant()
    const started = await startVerification(browser)
    expect(started.statusCode).toBe(201)
    const verification = started.json()
    expect(verification).toMatchObject({ status: 'PENDING', mismatches: [] })
    expect(verification.url).toMatch(/^http:\/\/localhost(:\d+)?\/m\/verify\/[A-Za-z0-9_-]{43}$/)
    expect(verification.qrCode).toMatch(/^data:image\/png;base64,/)

    const phone = sandboxPhone(app, verification.url)
    expect((await phone.session()).json()).toMatchObject({ status: 'PENDING', methods: ['ho', 'ic_chip'] })
    expect((await phone.start()).statusCode).toBe(204)
    expect((await current(browser)).applicationStatus).toBe('VERIFYING')
    for (const kind of ['front', 'back', 'selfie']) expect((await phone.upload(kind)).statusCode).toBe(204)
    expect((await phone.complete(matchingDetails)).statusCode).toBe(204)

    expect(await current(browser)).toMatchObject({ applicationStatus: 'APPROVED', verification: { status: 'APPROVED' } })
    expect(await eventTypes(browser.id)).toEqual([
      'CREATED',
      ...Object.keys(validAnswers).map(() => 'ANSWERS_SAVED'),
      'SUBMITTED',
      'VERIFICATION_REQUESTED',
      'VERIFICATION_STARTED',
      'VERIFICATION_SUBMITTED',
      'DECIDED',
    ])
    const stored = await app.prisma.verification.findFirstOrThrow({ where: { applicationId: browser.id } })
    expect(stored).toMatchObject({ provider: 'sandbox', method: 'ho', documentType: 'drivers_license', status: 'APPROVED' })
  })

  it('denies a mismatch, shows which fields differ, and approves after correction and resubmission', async () => {
    const browser = await applicantBrowser(app)
    await browser.submitComplete({ ...validAnswers, user: { ...validAnswers.user, familyName: '高田', familyNameKana: 'タカダ' } })
    const first = (await startVerification(browser)).json()
    await sandboxPhone(app, first.url).verify({ ...matchingDetails, familyName: '髙田', address: '東京都渋谷区渋谷1丁目1番1号' })

    const denied = await current(browser)
    expect(denied.applicationStatus).toBe('DENIED')
    expect(denied.verification.mismatches.map((m: { field: string }) => m.field)).toEqual(['user.familyName', 'user.address'])
    expect(denied.verification.mismatches[0].hint).toContain('「髙」')

    // The applicant reopens the form, sees what differs, corrects only that, and submits again.
    expect(await browser.refresh()).toMatchObject({
      status: 'DENIED',
      denial: { fields: ['user.familyName', 'user.address'], hints: [expect.stringContaining('「髙」'), expect.stringContaining('住所')] },
    })
    const corrected = await browser.save('user', {
      ...validAnswers.user,
      familyName: '髙田',
      familyNameKana: 'タカダ',
      address: { ...validAnswers.user.address, town: '渋谷1-1-1' },
    })
    expect(corrected.json(), corrected.body).toMatchObject({ status: 'DENIED' })
    expect((await browser.submit()).json().status).toBe('SUBMITTED')
    // The denied session belongs to the history now: there is no QR code for this submission yet.
    expect(await current(browser)).toEqual({ applicationStatus: 'SUBMITTED', verification: null, agent: null })

    const second = (await startVerification(browser)).json()
    expect(second.id).not.toBe(first.id)
    await sandboxPhone(app, second.url).verify({ ...matchingDetails, familyName: '髙田', address: '東京都渋谷区渋谷1丁目1番1号' })
    expect((await current(browser)).applicationStatus).toBe('APPROVED')

    const verifications = await app.prisma.verification.findMany({ where: { applicationId: browser.id }, orderBy: { createdAt: 'asc' } })
    expect(verifications.map((v) => v.status)).toEqual(['DENIED', 'APPROVED'])
  })

  it('expires an unused QR code and lets the applicant open a new one', async () => {
    const browser = await submittedApplicant()
    const first = (await startVerification(browser)).json()
    now = new Date(now.getTime() + 31 * 60_000)
    try {
      expect((await current(browser)).verification.status).toBe('EXPIRED')
      const phone = sandboxPhone(app, first.url)
      expect((await phone.session()).json().status).toBe('EXPIRED')
      expect((await phone.start()).statusCode).toBe(409)
      const second = await startVerification(browser)
      expect(second.statusCode).toBe(201)
      expect(second.json().status).toBe('PENDING')
    } finally {
      now = realNow
    }
  })

  it('lets a second QR code finish after the first was opened on the phone and expired', async () => {
    const browser = await submittedApplicant()
    const first = (await startVerification(browser)).json()
    expect((await sandboxPhone(app, first.url).start()).statusCode).toBe(204)
    expect((await current(browser)).applicationStatus).toBe('VERIFYING')
    now = new Date(now.getTime() + 31 * 60_000)
    try {
      const second = (await startVerification(browser)).json()
      expect((await sandboxPhone(app, second.url).verify(matchingDetails)).statusCode).toBe(204)
      expect(await current(browser)).toMatchObject({ applicationStatus: 'APPROVED', verification: { id: second.id, status: 'APPROVED' } })
      expect(await eventTypes(browser.id)).not.toContain('PROVIDER_EVENT_REFUSED')
    } finally {
      now = realNow
    }
  })

  it('refuses a verification before the form is submitted', async () => {
    const browser = await applicantBrowser(app)
    await browser.saveAll()
    expect((await startVerification(browser)).statusCode).toBe(409)
  })

  it('never lets another browser start or read a verification', async () => {
    const alice = await submittedApplicant()
    const mallory = await applicantBrowser(app)
    expect((await mallory.send('POST', `/api/applications/${alice.id}/verifications`)).statusCode).toBe(404)
    expect((await mallory.send('GET', `/api/applications/${alice.id}/verifications/current`)).statusCode).toBe(404)
  })
})

describe('the sandbox phone pages', () => {
  it('check that uploads are images, by their bytes', async () => {
    const browser = await submittedApplicant()
    const phone = sandboxPhone(app, (await startVerification(browser)).json().url)
    await phone.start()
    const pdf = await phone.upload('front', Buffer.from('%PDF-1.7 not an image'))
    expect(pdf.statusCode).toBe(400)
    expect(pdf.json().error.fields.file).toMatch(/画像ファイル/)
    expect((await phone.upload('front', PNG)).statusCode).toBe(204)
  })

  it('refuse an image over 10 MB', async () => {
    const browser = await submittedApplicant()
    const phone = sandboxPhone(app, (await startVerification(browser)).json().url)
    await phone.start()
    const large = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1)])
    const response = await phone.upload('selfie', large)
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('need every image the document requires before finishing', async () => {
    const browser = await submittedApplicant()
    const phone = sandboxPhone(app, (await startVerification(browser)).json().url)
    await phone.start('ho', 'drivers_license')
    await phone.upload('front')
    const response = await phone.complete(matchingDetails)
    expect(response.statusCode).toBe(400)
    expect(Object.keys(response.json().error.fields)).toEqual(['uploads.back', 'uploads.selfie'])
  })

  it('know no such token', async () => {
    const response = await app.inject({ url: '/api/sandbox-ekyc/sessions/not-a-token' })
    expect(response.statusCode).toBe(404)
  })
})

describe('the ホ cut-over on 2027-04-01', () => {
  it('offers only the IC chip to sessions started from that day, and refuses ホ', async () => {
    // The applicant's session lives in the app's time too: the whole visit happens on that day.
    now = new Date('2027-04-01T00:00:00+09:00')
    try {
      const browser = await submittedApplicant()
      const phone = sandboxPhone(app, (await startVerification(browser)).json().url)
      expect((await phone.session()).json().methods).toEqual(['ic_chip'])
      const refused = await phone.start('ho')
      expect(refused.statusCode).toBe(400)
      expect(refused.json().error.fields.method).toMatch(/2027年4月1日/)
      expect((await phone.start('ic_chip')).statusCode).toBe(204)
    } finally {
      now = realNow
    }
  })
})
