import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { staffClient, TEST_PERSON } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'
import { verifiedApplicant } from '#src/test/verified-applicant.ts'
import { recordDigest } from './record-digest.ts'

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
    expect(frozen!.record).toMatchObject({ status: 'APPROVED', customer: { name: `${answers.user.familyName} ${answers.user.givenName}` } })
    expect(frozen!.record).not.toHaveProperty('history')

    const viewer = await staffClient(app, 'VIEWER')
    const first = (await viewer.get(`/applications/${id}/record`)).json()
    expect(first.frozen).toEqual({ at: frozen!.createdAt.toISOString(), digest: frozen!.digest, recordVersion: 1, notes: [] })
    const { frozen: _meta, history, emails: _emails, currentStatus, ...items } = first
    expect(currentStatus).toBe('APPROVED')
    expect(recordDigest(items)).toBe(frozen!.digest)
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
    expect(record.frozen.notes).toEqual([{ at: added.json().at, text: expect.stringContaining('住所変更'), by: TEST_PERSON }])
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

  it('is not frozen for a denial: the export says frozen: null and shows the record as it stands', async () => {
    const browser = await applicantBrowser(app)
    await browser.submitComplete(validAnswers)
    const reviewer = await staffClient(app, 'REVIEWER')
    const version = (await browser.refresh()).version
    await reviewer.post(`/applications/${browser.id}/decision`, { decision: 'DENY', version, reasonCodes: ['ID_MISMATCH_NAME'], noteToApplicant: '氏名をご確認ください' })
    expect(await frozenOf(browser.id)).toEqual([])
    expect((await reviewer.get(`/applications/${browser.id}/record`)).json()).toMatchObject({ status: 'DENIED', frozen: null })
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
