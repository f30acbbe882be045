import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { sandboxPhone } from '#src/test/sandbox-phone.ts'
import { staffClient } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'
import { detailsOf, newSid, verifiedApplicant } from '#src/test/verified-applicant.ts'
import { appendEvent, recordEvent } from './event-log.ts'

let app: App
let now: Date | undefined
beforeAll(async () => {
  app = await buildTestApp({ clock: () => now ?? new Date() })
})
afterAll(() => app.close())

/** The last evening of ホ in Japan (2027-03-31 23:50 JST), and five minutes after it ended (the QR code lives 30). */
const LAST_EVENING = new Date('2027-03-31T14:50:00Z')
const AFTER_CUTOVER = new Date('2027-03-31T15:05:00Z')

async function openedOn(at: Date, method: 'ho' | 'ic_chip') {
  // The whole visit in the app's time: sessions, submission and the QR code.
  now = at
  const browser = await applicantBrowser(app)
  await browser.submitComplete({ ...validAnswers, login: { ...validAnswers.login, accountSid: newSid() } })
  const { url } = (await browser.send('POST', `/api/applications/${browser.id}/verifications`)).json()
  const phone = sandboxPhone(app, url)
  expect((await phone.start(method)).statusCode).toBe(204)
  return { browser, phone }
}

describe('the transition module', () => {
  it('refuses APPROVED for ホ data received from 2027-04-01 (JST), even when the session was opened before; records the refusal and denies so the applicant can verify again', async () => {
    try {
      const { browser, phone } = await openedOn(LAST_EVENING, 'ho')
      now = AFTER_CUTOVER
      for (const kind of ['front', 'back', 'selfie']) expect((await phone.upload(kind)).statusCode).toBe(204)
      expect((await phone.complete(detailsOf(validAnswers.user))).statusCode).toBe(204)
      // Not approved, and not stuck either: the system denies, and the applicant can verify again.
      const view = await browser.refresh()
      expect(view.status).toBe('DENIED')
      expect(view.denial.hints.join('')).toContain('ICチップ')
      const refused = await app.prisma.applicationEvent.findMany({ where: { applicationId: browser.id, type: 'TRANSITION_REFUSED' } })
      expect(refused).toEqual([expect.objectContaining({ actorType: 'PROVIDER', data: expect.objectContaining({ wanted: 'APPROVED', code: 'METHOD_NOT_LAWFUL' }) })])
      expect(await app.prisma.applicationEvent.findFirst({ where: { applicationId: browser.id, type: 'DECIDED' } })).toMatchObject({ actorType: 'SYSTEM', toStatus: 'DENIED' })
      expect(await app.prisma.outboxEmail.count({ where: { applicationId: browser.id, template: 'APPROVED' } })).toBe(0)
    } finally {
      now = undefined
    }
  })

  it('approves the IC chip method after the cut-over', async () => {
    try {
      const { browser, phone } = await openedOn(AFTER_CUTOVER, 'ic_chip')
      expect((await phone.upload('selfie')).statusCode).toBe(204)
      expect((await phone.complete(detailsOf(validAnswers.user))).statusCode).toBe(204)
      expect((await browser.refresh()).status).toBe('APPROVED')
    } finally {
      now = undefined
    }
  })

  it('refuses staff moves the status machine does not allow (409, recorded), and changes nothing', async () => {
    const approved = await verifiedApplicant(app)
    const staff = await staffClient(app, 'REVIEWER')
    const { version } = await approved.browser.refresh()
    const response = await staff.post(`/applications/${approved.id}/decision`, { decision: 'DENY', version, reasonCodes: ['OTHER'], noteToApplicant: '再確認' })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toMatch(/承認のお申し込みを「否認」にすることはできません/)
    expect((await approved.browser.refresh()).status).toBe('APPROVED')
    expect(await app.prisma.applicationEvent.findFirst({ where: { applicationId: approved.id, type: 'TRANSITION_REFUSED' } })).toMatchObject({ actorType: 'STAFF', actorId: staff.id })
  })

  it('writes only events of the catalogue, and keeps status events for itself', async () => {
    const { id } = await applicantBrowser(app)
    const at = new Date()
    await expect(appendEvent(app.prisma, id, { type: 'NOT_A_TYPE', actorType: 'SYSTEM', actorId: null, fromStatus: null, toStatus: null, data: {} } as never, at)).rejects.toThrow()
    await expect(appendEvent(app.prisma, id, { type: 'INQUIRY_RECEIVED', actorType: 'APPLICANT', actorId: null, fromStatus: null, toStatus: null, data: {} } as never, at)).rejects.toThrow()
    await expect(recordEvent(app.prisma, id, { type: 'DECIDED', actorType: 'STAFF', actorId: null, data: {} } as never, at)).rejects.toThrow(/transition module/)
    expect(await app.prisma.applicationEvent.count({ where: { applicationId: id } })).toBe(1)
  })

  it('returns the staff API its events parsed by the catalogue, older rows included', async () => {
    const approved = await verifiedApplicant(app)
    // A row as the previous version wrote it, before TRANSITION_REFUSED existed.
    await app.prisma.applicationEvent.create({
      data: { applicationId: approved.id, type: 'PROVIDER_EVENT_REFUSED', actorType: 'PROVIDER', actorId: 'sandbox', fromStatus: 'SUBMITTED', data: { eventId: 'evt_old', kind: 'approved', verificationId: 'x', wanted: 'APPROVED' } },
    })
    const detail = (await (await staffClient(app, 'VIEWER')).get(`/applications/${approved.id}`)).json()
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['CREATED', 'SUBMITTED', 'DECIDED', 'PROVIDER_EVENT_REFUSED', 'PII_VIEWED']))
  })
})
