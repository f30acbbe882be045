import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../app.ts'
import { applicantBrowser } from '../test/applicant-browser.ts'
import { staffClient } from '../test/staff-client.ts'
import { buildTestApp } from '../test/test-app.ts'
import { validAnswers } from '../test/valid-answers.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp({ env: { LINK_CHECK_RATE_LIMIT: '1000' } })
})
afterAll(() => app.close())

const hex = () => Array.from({ length: 32 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('')
const newSid = () => `AC${hex()}`

/** A first-time application that staff approved: its SID is verified. */
async function approvedSid() {
  const browser = await applicantBrowser(app)
  const sid = newSid()
  await browser.submitComplete({ ...validAnswers, login: { ...validAnswers.login, accountSid: sid } })
  const { version } = await browser.refresh()
  const staff = await staffClient(app, 'REVIEWER')
  await staff.post(`/applications/${browser.id}/decision`, { decision: 'APPROVE', version })
  return { sid, id: browser.id }
}

async function linkApplicant(login: object) {
  const browser = await applicantBrowser(app, 'LINK_VERIFIED')
  expect((await browser.save('type', validAnswers.type)).statusCode).toBe(200)
  const saved = await browser.save('login', login)
  return { browser, saved }
}
const submitLink = (browser: Awaited<ReturnType<typeof applicantBrowser>>) =>
  browser.send('POST', `/api/applications/${browser.id}/submit-link`, { version: browser.version })

const login = (accountSid: string, verifiedAccountSid?: string) => ({
  accountSid,
  ...(verifiedAccountSid ? { verifiedAccountSid } : {}),
  loginEmail: 'second@example.com',
  contactEmail: 'second.backup@example.net',
})

describe('the already-verified flow (2回目以降)', () => {
  it('approves a new SID at once when the verified SID is approved, records what it relies on, and emails it', async () => {
    const verified = await approvedSid()
    const sid = newSid()
    const { browser } = await linkApplicant(login(sid, verified.sid))
    const response = await submitLink(browser)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'APPROVED', flow: 'LINK_VERIFIED' })
    const decided = await app.prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: browser.id, type: 'DECIDED' } })
    expect(decided).toMatchObject({ actorType: 'SYSTEM', fromStatus: 'SUBMITTED', toStatus: 'APPROVED' })
    expect(decided.data).toMatchObject({ reliedOnApplicationId: verified.id, basis: expect.stringContaining('4条3項') })
    const mail = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: browser.id } })
    expect(mail).toMatchObject({ to: 'second@example.com', template: 'APPROVED' })
    // … and a SID linked this way is itself verified for the next one.
    const third = await linkApplicant(login(newSid(), sid))
    expect((await submitLink(third.browser)).json().status).toBe('APPROVED')
  })

  it('says only "not verified" for an unknown, pending or denied SID, and stores nothing', async () => {
    const pending = await applicantBrowser(app)
    const pendingSid = newSid()
    await pending.submitComplete({ ...validAnswers, login: { ...validAnswers.login, accountSid: pendingSid } })
    for (const verifiedSid of [newSid(), pendingSid]) {
      const { browser } = await linkApplicant(login(newSid(), verifiedSid))
      const response = await submitLink(browser)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.fields).toEqual({ 'login.verifiedAccountSid': '取引時確認済みのAccount SIDとして確認できませんでした。入力内容をご確認ください。' })
      expect((await browser.refresh()).status).toBe('DRAFT')
      expect(await app.prisma.applicationEvent.count({ where: { applicationId: browser.id, type: { in: ['SUBMITTED', 'DECIDED'] } } })).toBe(0)
    }
  })

  it('refuses the same SID twice, in the step itself', async () => {
    const sid = newSid()
    const { saved } = await linkApplicant(login(sid, sid))
    expect(saved.statusCode).toBe(400)
    expect(saved.json().error.fields['values.verifiedAccountSid']).toMatch(/別のAccount SID/)
  })

  it('requires the verified SID in this flow, and refuses it in the first-time flow', async () => {
    const { saved } = await linkApplicant(login(newSid()))
    expect(saved.json().error.fields['values.verifiedAccountSid']).toBe('取引時確認済みのAccount SIDを入力してください')
    const first = await applicantBrowser(app)
    const response = await first.save('login', login(newSid(), newSid()))
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toHaveProperty('values.verifiedAccountSid')
  })

  it('refuses a new SID that is already approved or in progress elsewhere', async () => {
    const verified = await approvedSid()
    const busy = await applicantBrowser(app)
    const busySid = newSid()
    await busy.submitComplete({ ...validAnswers, login: { ...validAnswers.login, accountSid: busySid } })
    for (const sid of [busySid, verified.sid]) {
      const { browser } = await linkApplicant(login(sid, verified.sid === sid ? (await approvedSid()).sid : verified.sid))
      const response = await submitLink(browser)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.fields).toHaveProperty('login.accountSid')
    }
  })

  it('refuses malformed SIDs on the field', async () => {
    const { saved } = await linkApplicant(login('AC123', 'ACxyz'))
    expect(Object.keys(saved.json().error.fields).sort()).toEqual(['values.accountSid', 'values.verifiedAccountSid'])
  })

  it('limits look-ups per client so SIDs cannot be enumerated', async () => {
    const limited = await buildTestApp({ env: { LINK_CHECK_RATE_LIMIT: '2' } })
    try {
      const browser = await applicantBrowser(limited, 'LINK_VERIFIED')
      const codes: number[] = []
      for (let i = 0; i < 3; i++) {
        codes.push((await browser.send('POST', `/api/applications/${browser.id}/submit-link`, { version: browser.version })).statusCode)
      }
      expect(codes).toEqual([400, 400, 429])
    } finally {
      await limited.close()
    }
  })
})
