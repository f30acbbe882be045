import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { japanDate } from '@kakunin/schema/japan-time'
import { frozenRecordLine, verificationRecord } from '@kakunin/schema/verification-record'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { staffClient, TEST_PERSON } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { verifiedApplicant } from '#src/test/verified-applicant.ts'
import { recordDigest } from './record-digest.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const today = () => japanDate(new Date())
const exportsBy = (staffKeyId: string) => app.prisma.recordExport.findMany({ where: { staffKeyId }, orderBy: { createdAt: 'asc' } })

describe('the audit export of a period (GET /api/staff/records)', () => {
  it('streams every record frozen in the period as JSON Lines, each with its digest, and records who took how many', async () => {
    const first = await verifiedApplicant(app)
    const second = await verifiedApplicant(app)
    const compliance = await staffClient(app, 'COMPLIANCE')
    const response = await compliance.get(`/records?decidedFrom=${today()}&decidedTo=${today()}`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8')
    const lines = response.body.trimEnd().split('\n').map((line) => JSON.parse(line))
    const mine = lines.filter((line) => [first.id, second.id].includes(line.applicationId))
    expect(mine.map((line) => line.record.reference).sort()).toEqual([first.reference, second.reference].sort())
    for (const line of mine) {
      expect(line.digest).toBe(recordDigest(line.record))
      // Each line is the documented schema, its record the current version, dates in Japan time.
      expect(frozenRecordLine.parse(line)).toEqual(line)
      expect(line).toMatchObject({ recordVersion: 2, record: { recordVersion: 2 }, frozenAt: { at: expect.stringMatching(/\+09:00$/) } })
      expect(verificationRecord.parse(line.record)).toEqual(line.record)
    }
    expect(await exportsBy(compliance.id)).toEqual([
      expect.objectContaining({ personName: TEST_PERSON.name, department: TEST_PERSON.department, fromDate: today(), toDate: today(), format: 'jsonl', recordCount: lines.length, completed: true }),
    ])
  })

  it('as CSV: Japanese column names, UTF-8 with BOM for Excel, one row per record', async () => {
    const { reference, answers } = await verifiedApplicant(app)
    const compliance = await staffClient(app, 'COMPLIANCE')
    const response = await compliance.get(`/records?decidedFrom=${today()}&decidedTo=${today()}&format=csv`)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    const [header, ...rows] = response.body.split('\r\n')
    expect(header!.startsWith('\ufeff"確認記録ID","確認記録の作成日時","ダイジェスト（SHA-256）","確認記録の版","受付番号","お申し込みの種類"')).toBe(true)
    // Japanese names only: no English dotted keys.
    expect(header).not.toMatch(/[a-z]+\.[a-z]+/i)
    expect(header).toContain('"本人特定事項：氏名"')
    const row = rows.find((line) => line.includes(`"${reference}"`))
    expect(row).toContain(`"${answers.user.familyName} ${answers.user.givenName}"`)
    expect(row).toMatch(/"\d{4}年\d{1,2}月\d{1,2}日（\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00）"/)
  })

  it('refuses a period backwards, over a year, or with dates that do not exist; a reviewer, or a key naming no one', async () => {
    const compliance = await staffClient(app, 'COMPLIANCE')
    const fieldsOf = async (query: string) => {
      const response = await compliance.get(`/records?${query}`)
      expect(response.statusCode, query).toBe(400)
      return response.json().error.fields
    }
    expect(await fieldsOf('decidedFrom=2026-12-02&decidedTo=2026-12-01')).toEqual({ decidedTo: '終了日には開始日以降の日付を指定してください' })
    expect(await fieldsOf('decidedFrom=2025-12-01&decidedTo=2026-12-01')).toEqual({ decidedTo: '期間は1年以内で指定してください' })
    expect(Object.keys(await fieldsOf('decidedFrom=2026-02-30&decidedTo=2026-03-01'))).toEqual(['decidedFrom'])
    expect(Object.keys(await fieldsOf('decidedFrom=20261201&decidedTo=2026-12-01'))).toEqual(['decidedFrom'])
    expect(await fieldsOf('decidedTo=2026-11-30')).toEqual({ decidedTo: '終了日には開始日以降の日付を指定してください' })
    expect(Object.keys(await fieldsOf('decidedFrom=2026-12-01&decidedTo=2026-12-01&format=xml'))).toEqual(['format'])
    expect((await compliance.get('/records?decidedFrom=2025-12-02&decidedTo=2026-12-01')).statusCode).toBe(200)
    expect((await (await staffClient(app, 'REVIEWER')).get(`/records?decidedFrom=${today()}&decidedTo=${today()}`)).statusCode).toBe(403)
    const unnamed = await staffClient(app, 'COMPLIANCE', null)
    expect((await unnamed.get(`/records?decidedFrom=${today()}&decidedTo=${today()}`)).statusCode).toBe(403)
    expect(await exportsBy(unnamed.id)).toEqual([])
  })

  it('streams 100,000 records in constant memory', { timeout: 180_000 }, async () => {
    // One application's record, frozen 100,000 times in 2025 (a period no other test uses).
    const browser = await applicantBrowser(app)
    const record = { reference: 'KYC-20250101-0001', status: 'APPROVED', customer: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', birthDate: '1990年1月1日', address: '東京都渋谷区渋谷2-24-12'.repeat(4) }, purposes: ['事業用'], note: 'x'.repeat(600) }
    const seeded = performance.now()
    await app.deps.pool.query(
      `INSERT INTO verification_records (id, application_id, record_version, record, digest, created_at)
       SELECT gen_random_uuid(), $1, 1, $2::jsonb, $3, timestamptz '2025-03-01 00:00:00+09' + i * interval '1 minute'
         FROM generate_series(1, 100000) AS i`,
      [browser.id, JSON.stringify(record), recordDigest(record)],
    )
    const seedMs = performance.now() - seeded

    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    const compliance = await staffClient(app, 'COMPLIANCE')
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    const started = performance.now()
    const response = await fetch(`${address}/api/staff/records?decidedFrom=2025-01-01&decidedTo=2025-12-31`, { headers: { authorization: `Bearer ${compliance.key}` } })
    expect(response.status).toBe(200)
    let lines = 0
    let bytes = 0
    const decoder = new TextDecoder()
    for await (const chunk of response.body!) {
      bytes += chunk.byteLength
      lines += decoder.decode(chunk, { stream: true }).split('\n').length - 1
    }
    const ms = performance.now() - started
    clearInterval(sampler)
    const growthMb = (peak - before) / 1024 / 1024
    console.log(`period export: ${lines} records, ${(bytes / 1024 / 1024).toFixed(0)} MB in ${(ms / 1000).toFixed(1)} s (seeded in ${(seedMs / 1000).toFixed(1)} s); RSS ${(before / 1024 / 1024).toFixed(0)} MB before, peak ${(peak / 1024 / 1024).toFixed(0)} MB (+${growthMb.toFixed(0)} MB)`)
    expect(lines).toBe(100_000)
    expect(growthMb).toBeLessThan(150)
    expect(await exportsBy(compliance.id)).toEqual([expect.objectContaining({ recordCount: 100_000, completed: true })])
  })
})
