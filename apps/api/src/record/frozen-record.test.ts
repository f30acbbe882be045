import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { staffClient, TEST_PERSON } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'
import { verifiedApplicant } from '#src/test/verified-applicant.ts'
import { recordDigest } from './record-digest.ts'
import { japanInstant } from '@kakunin/schema/japan-time'
import { verificationRecord, verificationRecordExport } from '@kakunin/schema/verification-record'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const frozenOf = (applicationId: string) => app.prisma.verificationRecord.findMany({ where: { applicationId } })

describe('the 確認記録 frozen at approval', () => {
  it('is stored once, in the approving transaction, with the SHA-256 of its canonical JSON; the export is that record', async () => {
    const { id, answers } = await verifiedApplicant(app)
    const [frozen, ...more] = await frozenOf(id)
    expect(more).toEqual([])
    expect(frozen!.digest).toBe(recordDigest(frozen!.record))
    expect(frozen!.recordVersion).toBe(2)
    expect(frozen!.record).toMatchObject({ recordVersion: 2, status: 'APPROVED', customer: { name: `${answers.user.familyName} ${answers.user.givenName}` } })
    expect(verificationRecord.parse(frozen!.record)).toEqual(frozen!.record)
    expect(frozen!.record).not.toHaveProperty('history')

    const viewer = await staffClient(app, 'VIEWER')
    const first = (await viewer.get(`/applications/${id}/record`)).json()
    expect(verificationRecordExport.parse(first)).toEqual(first)
    expect(first.frozen).toEqual({ recordId: frozen!.id, at: japanInstant(frozen!.createdAt), digest: frozen!.digest, notes: [] })
    expect(first).toMatchObject({ recordVersion: 2, currentStatus: 'APPROVED' })
    expect(first.record).toEqual(frozen!.record)
    expect(recordDigest(first.record)).toBe(frozen!.digest)
    const { history } = first
    // Reading it is recorded, so the history grows; the record does not.
    const second = (await viewer.get(`/applications/${id}/record`)).json()
    expect(second.history.length).toBeGreaterThan(history.length)
    expect(second.frozen.digest).toBe(frozen!.digest)
  })

  it('cannot be changed, deleted or truncated, from any code path', async () => {
    const { id } = await verifiedApplicant(app)
    const [frozen] = await frozenOf(id)
    for (const sql of [
      `UPDATE verification_records SET record = '{}'::jsonb WHERE id = '${frozen!.id}'`,
      `DELETE FROM verification_records WHERE id = '${frozen!.id}'`,
      'TRUNCATE verification_records CASCADE',
      'TRUNCATE verification_record_notes',
    ]) {
      await expect(app.deps.pool.query(sql), sql).rejects.toThrow(/not allowed: verification records are kept as evidence/)
    }
    expect(await frozenOf(id)).toEqual([frozen])
  })

  it('takes 付記 from a named person, appended with an event; the record and its digest stay as they were', async () => {
    const { id } = await verifiedApplicant(app)
    const [frozen] = await frozenOf(id)
    const reviewer = await staffClient(app, 'REVIEWER')
    const added = await reviewer.post(`/applications/${id}/record/notes`, { text: '2026年12月1日、住所変更の届出を受けた（新住所は変更後の記録による）。' })
    expect(added.statusCode).toBe(201)
    const record = (await reviewer.get(`/applications/${id}/record`)).json()
    expect(record.frozen.notes).toEqual([{ at: japanInstant(added.json().at), text: expect.stringContaining('住所変更'), by: TEST_PERSON }])
    expect(record.frozen.digest).toBe(frozen!.digest)
    expect(await frozenOf(id)).toEqual([frozen])
    const event = await app.prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: id, type: 'RECORD_NOTE_ADDED' } })
    expect(event).toMatchObject({ actorType: 'STAFF', actorId: reviewer.id, data: { recordId: frozen!.id, noteId: added.json().id, person: TEST_PERSON } })

    // The CSV carries the note too.
    const csv = (await reviewer.get(`/applications/${id}/record?format=csv`)).body
    expect(csv).toContain('住所変更の届出')
    expect(csv).toContain(frozen!.digest)
  })

  it('refuses a 付記 before approval (409), from a key naming no one (403), or empty (400), and changes nothing', async () => {
    const browser = await applicantBrowser(app)
    await browser.submitComplete(validAnswers)
    const reviewer = await staffClient(app, 'REVIEWER')
    expect((await reviewer.post(`/applications/${browser.id}/record/notes`, { text: '付記' })).statusCode).toBe(409)
    const { id } = await verifiedApplicant(app)
    expect((await (await staffClient(app, 'REVIEWER', null)).post(`/applications/${id}/record/notes`, { text: '付記' })).statusCode).toBe(403)
    const empty = await reviewer.post(`/applications/${id}/record/notes`, { text: ' ' })
    expect(empty.statusCode).toBe(400)
    expect(Object.keys(empty.json().error.fields)).toEqual(['text'])
    expect((await (await staffClient(app, 'VIEWER')).post(`/applications/${id}/record/notes`, { text: '付記' })).statusCode).toBe(403)
    expect(await app.prisma.verificationRecordNote.count({ where: { record: { applicationId: { in: [id, browser.id] } } } })).toBe(0)
  })

  it('exports a record frozen in an older shape (version 1) exactly as it was stored, with its digest', async () => {
    const browser = await applicantBrowser(app)
    await browser.submitComplete(validAnswers)
    // What version 1 stored: UTC dates and English keys, as the first 確認記録 were made.
    const stored = {
      reference: 'KYC-20261101-0001',
      status: 'APPROVED',
      verifiedBy: { actorType: 'PROVIDER', actorId: 'sandbox', person: null, at: '2026-11-01T01:00:00.000Z' },
      recordCreatedBy: 'kakunin（自動作成）',
      documentReceivedAt: '2026-11-01T00:50:00.000Z',
      transactionDate: '2026-11-01T00:40:00.000Z',
      transactionKind: '電気通信役務（Twilio）の利用契約',
      verificationMethod: 'ho',
      verificationMethodLabel: '本人確認書類の画像と容貌の撮影（ホ方式）',
      documentType: 'drivers_license',
      verificationResult: { verdict: 'APPROVED', reasons: [], mismatches: [] },
      lawfulVerification: false,
      customer: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', birthDate: '1990年4月1日', address: '〒150-0002 東京都渋谷区渋谷2-21-1' },
      alias: null,
      agent: null,
      purposes: ['SMSを使ったチャットボット'],
      occupation: '会社員',
      foreignPep: '該当しない',
      accountSid: validAnswers.login.accountSid,
    }
    const old = await app.prisma.verificationRecord.create({ data: { applicationId: browser.id, recordVersion: 1, record: stored, digest: recordDigest(stored), createdAt: new Date() } })
    const viewer = await staffClient(app, 'VIEWER')
    const exported = (await viewer.get(`/applications/${browser.id}/record`)).json()
    expect(exported).toMatchObject({ recordVersion: 1, frozen: { recordId: old.id, digest: old.digest } })
    expect(exported.record).toEqual(stored)
    expect(recordDigest(exported.record)).toBe(old.digest)
    const csv = (await viewer.get(`/applications/${browser.id}/record?format=csv`)).body
    expect(csv).toContain('"本人特定事項：氏名","山田 太郎"')
    expect(csv).toContain('"確認記録の版","1"')
  })

  it('is not frozen for a denial: the export says frozen: null and shows the record as it stands', async () => {
    const browser = await applicantBrowser(app)
    await browser.submitComplete(validAnswers)
    const reviewer = await staffClient(app, 'REVIEWER')
    const version = (await browser.refresh()).version
    await reviewer.post(`/applications/${browser.id}/decision`, { decision: 'DENY', version, reasonCodes: ['ID_MISMATCH_NAME'], noteToApplicant: '氏名をご確認ください' })
    expect(await frozenOf(browser.id)).toEqual([])
    expect((await reviewer.get(`/applications/${browser.id}/record`)).json()).toMatchObject({ currentStatus: 'DENIED', record: { status: 'DENIED' }, frozen: null })
  })
})

describe('the record digest', () => {
  const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))
  const record = fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1 }), leaf)), { minKeys: 1 })

  it('is the same whatever the order of the keys', () => {
    fc.assert(
      fc.property(record, (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse())
        expect(recordDigest(reversed)).toBe(recordDigest(value))
      }),
    )
  })

  it('changes when any item changes', () => {
    fc.assert(
      fc.property(record, fc.nat(), leaf, (value, pick, replacement) => {
        const keys = Object.keys(value)
        const key = keys[pick % keys.length]!
        fc.pre(JSON.stringify(value[key]) !== JSON.stringify(replacement))
        expect(recordDigest({ ...value, [key]: replacement })).not.toBe(recordDigest(value))
      }),
    )
  })
})
