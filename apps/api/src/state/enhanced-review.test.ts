import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { JPEG, PDF } from '@kakunin/test-data/documents'
import { multipart } from '#src/test/sandbox-phone.ts'
import { staffClient, TEST_PERSON } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'
import { verifiedApplicant } from '#src/test/verified-applicant.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const pep = { extra: { ...validAnswers.extra, foreignPep: 'CURRENT' as const }, purpose: { ...validAnswers.purpose, highValueTransactions: true } }
type Applicant = Awaited<ReturnType<typeof verifiedApplicant>>

function upload(a: Pick<Applicant, 'id' | 'browser'>, kind: string, file: Buffer, type = 'image/jpeg') {
  const body = multipart(file, 'doc', type)
  return app.inject({ method: 'POST', url: `/api/applications/${a.id}/review-documents/${kind}`, headers: { ...a.browser.headers, ...body.headers }, payload: body.payload })
}
const approve = async (staff: Awaited<ReturnType<typeof staffClient>>, a: Applicant, reason?: string) => {
  const { version } = await a.browser.refresh()
  return staff.post(`/applications/${a.id}/decision`, { decision: 'APPROVE', version, ...(reason ? { reason } : {}) })
}
const sidVerified = async (sid: string) => (await (await staffClient(app, 'VIEWER')).get(`/account-sids/${sid}`)).json().verified

describe('high-risk customers (犯収法4条2項): enhanced review', () => {
  it('sends a current 外国PEP approved by the provider to ENHANCED_REVIEW, asks for the documents, and approves only by a compliance key with a reason', async () => {
    const a = await verifiedApplicant(app, pep)
    expect(a.status).toBe('ENHANCED_REVIEW')
    const decided = await app.prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: a.id, type: 'DECIDED' } })
    expect(decided).toMatchObject({ actorType: 'PROVIDER', toStatus: 'ENHANCED_REVIEW', data: expect.objectContaining({ highRiskGrounds: ['FOREIGN_PEP'] }) })
    const mail = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: a.id, template: 'ENHANCED_REVIEW' } })
    expect(mail.text).toMatch(/資産及び収入の状況/)
    expect(mail.text).toMatch(/\/resume\/[A-Za-z0-9_-]{43}/)
    expect((await a.browser.refresh()).enhancedReview).toEqual({ required: ['ADDITIONAL_ID', 'INCOME_ASSETS'], uploaded: [] })
    expect(await sidVerified(a.sid)).toBe(false)

    const reviewer = await staffClient(app, 'REVIEWER')
    const admin = await staffClient(app, 'ADMIN')
    const compliance = await staffClient(app, 'COMPLIANCE')
    for (const staff of [reviewer, admin]) {
      const refused = await approve(staff, a, '確認済み')
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error.message).toContain('統括管理者')
    }
    expect((await approve(compliance, a)).statusCode).toBe(400)
    const missing = await approve(compliance, a, '追加書類を確認した')
    expect(missing.statusCode).toBe(409)
    expect(missing.json().error.message).toContain('2点目の本人確認書類')

    expect((await upload(a, 'ADDITIONAL_ID', Buffer.from('not an image'))).statusCode).toBe(400)
    expect((await upload(a, 'ADDITIONAL_ID', JPEG)).statusCode).toBe(204)
    expect((await upload(a, 'INCOME_ASSETS', PDF, 'application/pdf')).statusCode).toBe(204)
    expect((await a.browser.refresh()).enhancedReview.uploaded.sort()).toEqual(['ADDITIONAL_ID', 'INCOME_ASSETS'])

    const approved = await approve(compliance, a, '源泉徴収票と住民票の写しで確認した')
    expect(approved.json()).toEqual({ status: 'APPROVED' })
    const last = await app.prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: a.id, type: 'DECIDED', toStatus: 'APPROVED' } })
    expect(last).toMatchObject({ actorType: 'STAFF', actorId: compliance.id, fromStatus: 'ENHANCED_REVIEW', data: expect.objectContaining({ reason: '源泉徴収票と住民票の写しで確認した' }) })
    const refusals = await app.prisma.applicationEvent.findMany({ where: { applicationId: a.id, type: 'TRANSITION_REFUSED' }, orderBy: { id: 'asc' } })
    expect(refusals.map((r) => (r.data as { code: string }).code)).toEqual(['COMPLIANCE_REQUIRED', 'COMPLIANCE_REQUIRED', 'REASON_REQUIRED', 'DOCUMENTS_MISSING'])
    expect(await sidVerified(a.sid)).toBe(true)
    expect((await upload(a, 'ADDITIONAL_ID', JPEG)).statusCode).toBe(409)
    const record = (await compliance.get(`/applications/${a.id}/record`)).json()
    expect(record.record.highRisk).toMatchObject({
      grounds: [expect.objectContaining({ code: 'FOREIGN_PEP', label: expect.stringContaining('外国PEPs') })],
      approvedBy: TEST_PERSON,
      reason: '源泉徴収票と住民票の写しで確認した',
    })
    expect(record.record.highRisk.documents).toHaveLength(2)
  })

  it('asks only for the second document without the 200万円 box, and keeps each upload with its fingerprint for staff', async () => {
    const a = await verifiedApplicant(app, { extra: { ...validAnswers.extra, foreignPep: 'FAMILY' } })
    expect(a.status).toBe('ENHANCED_REVIEW')
    expect((await upload(a, 'INCOME_ASSETS', PDF, 'application/pdf')).statusCode).toBe(400)
    expect((await upload(a, 'ADDITIONAL_ID', JPEG)).statusCode).toBe(204)
    const reviewer = await staffClient(app, 'REVIEWER')
    const detail = (await reviewer.get(`/applications/${a.id}`)).json()
    expect(detail.reviewDocuments).toEqual([expect.objectContaining({ kind: 'ADDITIONAL_ID', type: 'image/jpeg', bytes: JPEG.length })])
    const file = await reviewer.get(`/applications/${a.id}/review-documents/${detail.reviewDocuments[0].id}`)
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toBe('image/jpeg')
    expect(file.rawPayload.equals(JPEG)).toBe(true)
    expect((await (await staffClient(app, 'VIEWER')).get(`/applications/${a.id}/review-documents/${detail.reviewDocuments[0].id}`)).statusCode).toBe(403)
  })

  it('treats a customer staff suspect as high-risk too: the provider approval goes to enhanced review', async () => {
    const { applicantBrowser } = await import('#src/test/applicant-browser.ts')
    const { sandboxPhone } = await import('#src/test/sandbox-phone.ts')
    const { detailsOf, newSid } = await import('#src/test/verified-applicant.ts')
    const browser = await applicantBrowser(app)
    await browser.submitComplete({ ...validAnswers, login: { ...validAnswers.login, accountSid: newSid() } })
    const reviewer = await staffClient(app, 'REVIEWER')
    expect((await reviewer.post(`/applications/${browser.id}/suspicion`, { reason: '' })).statusCode).toBe(400)
    expect((await reviewer.post(`/applications/${browser.id}/suspicion`, { reason: '同じ端末から別名義の申込が続いている' })).statusCode).toBe(204)
    const { url } = (await browser.send('POST', `/api/applications/${browser.id}/verifications`)).json()
    await sandboxPhone(app, url).verify(detailsOf(validAnswers.user))
    expect((await browser.refresh()).status).toBe('ENHANCED_REVIEW')
    const decided = await app.prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: browser.id, type: 'DECIDED' } })
    expect(decided.data).toMatchObject({ highRiskGrounds: ['SUSPICION'] })
  })

  it('refuses uploads from other applications and outside enhanced review', async () => {
    const ordinary = await verifiedApplicant(app)
    expect(ordinary.status).toBe('APPROVED')
    expect((await upload(ordinary, 'ADDITIONAL_ID', JPEG)).statusCode).toBe(409)
    const risky = await verifiedApplicant(app, pep)
    const stranger = { ...risky, browser: ordinary.browser }
    expect((await upload(stranger, 'ADDITIONAL_ID', JPEG)).statusCode).toBe(404)
  })
})
