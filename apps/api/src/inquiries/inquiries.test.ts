import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { staffClient } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp({ env: { INQUIRY_RATE_LIMIT: '1000' } })
})
afterAll(() => app.close())

const valid = {
  kind: 'KYC',
  name: '山田 太郎',
  email: 'taro@example.com',
  accountSid: '',
  content: '否認の通知が届きました。\n住所の書き方を教えてください。',
}
const send = (payload: object, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/inquiries', payload, headers })

describe('POST /api/inquiries', () => {
  it('stores the inquiry, keeps line breaks, and acknowledges it by email', async () => {
    const response = await send(valid)
    expect(response.statusCode).toBe(201)
    const { reference } = response.json()
    expect(reference).toMatch(/^INQ-\d{8}-\d{4}$/)
    const stored = await app.prisma.inquiry.findUniqueOrThrow({ where: { reference } })
    expect(stored).toMatchObject({ kind: 'KYC', status: 'OPEN', applicationId: null, accountSid: null, content: valid.content })
    const mail = await app.prisma.outboxEmail.findFirstOrThrow({ where: { to: 'taro@example.com', template: 'INQUIRY_RECEIVED' }, orderBy: { createdAt: 'desc' } })
    expect(mail.subject).toContain(reference)
  })

  it('attaches the application when sent from its page, through the session only', async () => {
    const browser = await applicantBrowser(app)
    const response = await send({ ...valid, attachApplication: true }, browser.headers)
    const stored = await app.prisma.inquiry.findUniqueOrThrow({ where: { reference: response.json().reference } })
    expect(stored.applicationId).toBe(browser.id)
    expect(await app.prisma.applicationEvent.count({ where: { applicationId: browser.id, type: 'INQUIRY_RECEIVED' } })).toBe(1)
    const anonymous = await send({ ...valid, attachApplication: true })
    expect((await app.prisma.inquiry.findUniqueOrThrow({ where: { reference: anonymous.json().reference } })).applicationId).toBeNull()
  })

  it.each([
    ['an empty content', { content: '   ' }, 'content'],
    ['an over-long content', { content: 'あ'.repeat(2001) }, 'content'],
    ['a control character', { content: '内容\u0007' }, 'content'],
    ['an unknown kind', { kind: 'SALES' }, 'kind'],
    ['a malformed SID', { accountSid: 'AC123' }, 'accountSid'],
    ['a malformed email', { email: 'taro' }, 'email'],
    ['an empty name', { name: '' }, 'name'],
  ])('refuses %s on its field and stores nothing', async (_, change, field) => {
    const before = await app.prisma.inquiry.count()
    const response = await send({ ...valid, ...change })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toHaveProperty(field)
    expect(await app.prisma.inquiry.count()).toBe(before)
  })
})

describe('inquiries for staff', () => {
  it('lists, reads and marks answered, once', async () => {
    const staff = await staffClient(app, 'REVIEWER')
    const { reference } = (await send({ ...valid, kind: 'BILLING' })).json()
    const listed = (await staff.get('/inquiries?status=OPEN')).json().items
    const item = listed.find((i: { reference: string }) => i.reference === reference)
    expect(item).toMatchObject({ kind: 'BILLING', status: 'OPEN' })
    expect((await staff.get(`/inquiries/${item.id}`)).json().content).toBe(valid.content)
    const answered = await staff.post(`/inquiries/${item.id}/answer`, { note: '電話で回答済み' })
    expect(answered.json()).toMatchObject({ status: 'ANSWERED', answerNote: '電話で回答済み' })
    expect((await staff.post(`/inquiries/${item.id}/answer`, { note: 'again' })).statusCode).toBe(409)
    const viewer = await staffClient(app, 'VIEWER')
    expect((await viewer.post(`/inquiries/${item.id}/answer`, { note: 'x' })).statusCode).toBe(403)
  })
})

describe('the inquiry rate limit', () => {
  it('answers 429 in the error shape beyond the limit', async () => {
    const limited = await buildTestApp({ env: { INQUIRY_RATE_LIMIT: '2' } })
    try {
      const ip = { remoteAddress: '127.0.0.77' }
      for (let i = 0; i < 2; i++) expect((await limited.inject({ method: 'POST', url: '/api/inquiries', payload: valid, ...ip })).statusCode).toBe(201)
      const refused = await limited.inject({ method: 'POST', url: '/api/inquiries', payload: valid, ...ip })
      expect(refused.statusCode).toBe(429)
      expect(refused.json().error.code).toBe('RATE_LIMITED')
    } finally {
      await limited.close()
    }
  })
})
