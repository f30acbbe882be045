import { japanDate } from '@kakunin/schema/japan-time'
import { verificationRecordExport } from '@kakunin/schema/verification-record'
import { VERIFICATION_METHOD_LABELS } from '@kakunin/schema/verification-method'
import { newAccountSid } from '@kakunin/test-data/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { matchingDetails, sandboxPhone } from '#src/test/sandbox-phone.ts'
import { staffClient } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

let app: App
let staff: Awaited<ReturnType<typeof staffClient>>
beforeAll(async () => {
  app = await buildTestApp()
  staff = await staffClient(app, 'REVIEWER')
})
afterAll(() => app.close())

const hex = () => newAccountSid().slice(2)

/** A submitted application of a person of our choosing; `verify` takes it through the phone. */
async function submitted(person: { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string }, options: { verify?: boolean } = {}) {
  const browser = await applicantBrowser(app)
  const sid = `AC${hex()}`
  const tag = hex().slice(0, 8)
  const answers = {
    ...validAnswers,
    login: { accountSid: sid, loginEmail: `${tag}@Example.com`, contactEmail: `${tag}@example.net` },
    user: { ...validAnswers.user, ...person },
  }
  const application = await browser.submitComplete(answers)
  if (options.verify) {
    const { url } = (await browser.send('POST', `/api/applications/${browser.id}/verifications`)).json()
    await sandboxPhone(app, url).verify({ ...matchingDetails, familyName: person.familyName, givenName: person.givenName })
  }
  return { browser, sid, email: `${tag}@example.com`, reference: application.reference as string, id: browser.id }
}

describe('GET /api/staff/applications', () => {
  it('finds applications by status, SID, email, name in kanji or kana, and reference', async () => {
    const a = await submitted({ familyName: '渡邊', givenName: '一郎', familyNameKana: 'ワタナベ', givenNameKana: 'イチロウ' })
    const ids = async (query: string) => (await staff.get(`/applications?${query}`)).json().items.map((i: { id: string }) => i.id)
    expect(await ids(`accountSid=${a.sid}`)).toEqual([a.id])
    expect(await ids(`accountSid=${a.sid.toUpperCase().replace(/^AC/, 'ac')}`)).toEqual([a.id])
    expect(await ids(`email=${a.email.toUpperCase()}`)).toEqual([a.id])
    expect(await ids(`name=${encodeURIComponent('渡邊')}`)).toContain(a.id)
    expect(await ids(`name=${encodeURIComponent('わたなべ')}`)).toContain(a.id)
    expect(await ids(`name=${encodeURIComponent('イチロ')}`)).toContain(a.id)
    expect(await ids(`reference=${a.reference}`)).toEqual([a.id])
    expect(await ids(`status=SUBMITTED&accountSid=${a.sid}`)).toEqual([a.id])
    expect(await ids(`status=APPROVED&accountSid=${a.sid}`)).toEqual([])
  })

  it('finds names of one or two characters (their own index) as it finds longer ones, and follows a corrected name', async () => {
    const browser = await applicantBrowser(app)
    await browser.saveAll({ ...validAnswers, user: { ...validAnswers.user, familyName: '鵺', givenName: '一葉', familyNameKana: 'ヌエ', givenNameKana: 'カズハ' } })
    const found = async (name: string) => (await staff.get(`/applications?name=${encodeURIComponent(name)}&limit=100`)).json().items.some((i: { id: string }) => i.id === browser.id)
    for (const name of ['鵺', '葉', '一葉', 'ぬえ', 'ヌ', 'カズ', 'ずは', '鵺 一']) expect(await found(name), name).toBe(true)
    // Not a part of either: across the space between 氏 and 名, or kana of the kanji's field.
    for (const name of ['鵺一', 'エカ', '鵼']) expect(await found(name), name).toBe(false)
    const corrected = await browser.save('user', { ...validAnswers.user, familyName: '鵼', givenName: '一葉', familyNameKana: 'ヌエ', givenNameKana: 'カズハ' })
    expect(corrected.statusCode).toBe(200)
    expect(await found('鵺')).toBe(false)
    expect(await found('鵼')).toBe(true)
  })

  it('takes % and _ in a name as characters, not as LIKE wildcards, however long the name', async () => {
    const browser = await applicantBrowser(app)
    await browser.saveAll({ ...validAnswers, user: { ...validAnswers.user, familyName: '鵺', givenName: '一葉', familyNameKana: 'ヌエ', givenNameKana: 'カズハ' } })
    const found = async (name: string) => (await staff.get(`/applications?name=${encodeURIComponent(name)}&limit=100`)).json().items.some((i: { id: string }) => i.id === browser.id)
    for (const name of ['%', '_', '%%', '%%%', '鵺%', '鵺_一', '___', '\\']) expect(await found(name), name).toBe(false)
    expect(await found('鵺 一葉')).toBe(true)
  })

  it('carries only what finding an application needs', async () => {
    const a = await submitted({ familyName: '鈴木', givenName: '花子', familyNameKana: 'スズキ', givenNameKana: 'ハナコ' })
    const [item] = (await staff.get(`/applications?accountSid=${a.sid}`)).json().items
    expect(Object.keys(item).sort()).toEqual(
      ['accountSid', 'createdAt', 'flow', 'fullName', 'fullNameKana', 'id', 'loginEmail', 'reference', 'status', 'submittedAt', 'updatedAt', 'verifiedAccountSid'].sort(),
    )
    expect(JSON.stringify(item)).not.toMatch(/1990|渋谷/)
  })

  it('pages newest first with a cursor, each application once', async () => {
    for (let i = 0; i < 5; i++) await submitted({ familyName: '頁', givenName: `${i}`, familyNameKana: 'ページ', givenNameKana: 'テスト' })
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const response = await staff.get(`/applications?name=${encodeURIComponent('頁')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      const body = response.json()
      seen.push(...body.items.map((i: { id: string }) => i.id))
      const created = body.items.map((i: { createdAt: string }) => i.createdAt)
      expect([...created].sort().reverse()).toEqual(created)
      cursor = body.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(seen).toHaveLength(5)
    expect(new Set(seen).size).toBe(5)
    expect(pages).toBe(3)
  })

  it('filters by creation and submission dates in Japan time', async () => {
    const a = await submitted({ familyName: '日付', givenName: '確認', familyNameKana: 'ヒヅケ', givenNameKana: 'カクニン' })
    const today = japanDate()
    const ids = async (query: string) => (await staff.get(`/applications?accountSid=${a.sid}&${query}`)).json().items.length
    expect(await ids(`createdFrom=${today}&createdTo=${today}`)).toBe(1)
    expect(await ids(`submittedFrom=${today}`)).toBe(1)
    expect(await ids(`createdTo=2020-01-01`)).toBe(0)
  })

  it.each([
    ['an unknown filter', 'colour=red', 'colour'],
    ['a malformed cursor', 'cursor=not-a-cursor', 'cursor'],
    ['a limit over 100', 'limit=1000', 'limit'],
    ['an unknown status', 'status=LOST', 'status'],
    ['a bad date', 'createdFrom=2026/11/28', 'createdFrom'],
  ])('answers %s with 400 on that field', async (_, query, field) => {
    const response = await staff.get(`/applications?${query}`)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toHaveProperty(field)
  })
})

describe('GET /api/staff/applications/:id', () => {
  it('returns every field, the verifications, the emails and the history, and records the reading', async () => {
    const a = await submitted({ familyName: '山田', givenName: '太郎', familyNameKana: 'ヤマダ', givenNameKana: 'タロウ' }, { verify: true })
    const response = await staff.get(`/applications/${a.id}`)
    expect(response.statusCode).toBe(200)
    const detail = response.json()
    expect(detail).toMatchObject({ status: 'APPROVED', answers: { user: { familyName: '山田' } } })
    expect(detail.verifications).toEqual([expect.objectContaining({ provider: 'sandbox', status: 'APPROVED', method: 'ho' })])
    expect(detail.emails.map((e: { template: string }) => e.template)).toEqual(['SUBMISSION_RECEIVED', 'APPROVED'])
    expect(detail.events.map((e: { type: string }) => e.type)).toContain('DECIDED')
    expect(detail.events.at(-1)).toMatchObject({ type: 'PII_VIEWED', actorType: 'STAFF', actorId: staff.id })
  })

  it('404s an unknown or malformed id', async () => {
    expect((await staff.get('/applications/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    expect((await staff.get('/applications/nope')).statusCode).toBe(400)
  })
})

describe('POST /api/staff/applications/:id/decision', () => {
  it('denies with reason codes and a note; the applicant sees what to correct and gets the email; the internal note stays inside', async () => {
    const a = await submitted({ familyName: '佐藤', givenName: '次郎', familyNameKana: 'サトウ', givenNameKana: 'ジロウ' })
    const { version } = await a.browser.refresh()
    const denied = await staff.post(`/applications/${a.id}/decision`, {
      decision: 'DENY',
      version,
      reasonCodes: ['ID_MISMATCH_ADDRESS', 'ID_UNREADABLE'],
      noteToApplicant: '住所は本人確認書類の裏面の記載もご確認ください。',
      internalNote: '裏面の写真がぼやけている',
    })
    expect(denied.statusCode).toBe(200)
    expect(denied.json()).toEqual({ status: 'DENIED' })
    const view = await a.browser.refresh()
    expect(view.denial.fields).toEqual(['user.address'])
    expect(view.denial.hints).toEqual(expect.arrayContaining([expect.stringContaining('住所'), expect.stringContaining('裏面の記載')]))
    expect(JSON.stringify(view)).not.toContain('ぼやけている')
    const email = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: a.id, template: 'DENIED' } })
    expect(email.text).toContain('裏面の記載もご確認ください')
    expect(email.text).not.toContain('ぼやけている')
    // … and corrects and resubmits, exactly as after a provider's denial.
    await a.browser.save('user', { ...validAnswers.user, familyName: '佐藤', givenName: '次郎', familyNameKana: 'サトウ', givenNameKana: 'ジロウ' })
    expect((await a.browser.submit()).json().status).toBe('SUBMITTED')
  })

  it('refuses a bare approval without a verification of record (409, recorded), and the SID stays unverified', async () => {
    const a = await submitted({ familyName: '高橋', givenName: '三郎', familyNameKana: 'タカハシ', givenNameKana: 'サブロウ' })
    const { version } = await a.browser.refresh()
    const refused = await staff.post(`/applications/${a.id}/decision`, { decision: 'APPROVE', version })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('本人確認（eKYC）の結果がない') })
    expect((await a.browser.refresh()).status).toBe('SUBMITTED')
    const event = await app.prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: a.id, type: 'TRANSITION_REFUSED' } })
    expect(event).toMatchObject({ actorType: 'STAFF', actorId: staff.id, data: expect.objectContaining({ wanted: 'APPROVED', code: 'NO_VERIFICATION' }) })
    expect(await app.prisma.outboxEmail.count({ where: { applicationId: a.id, template: 'APPROVED' } })).toBe(0)
    expect((await staff.get(`/account-sids/${a.sid}`)).json()).toMatchObject({ verified: false, since: null, reference: null })
  })

  it('approves once a lawful verification done outside kakunin is recorded; then the Account SID counts as verified', async () => {
    const a = await submitted({ familyName: '高橋', givenName: '三郎', familyNameKana: 'タカハシ', givenNameKana: 'サブロウ' })
    const external = { method: 'ic_chip', documentName: '運転免許証', documentNumber: '第123456789012号の1', verifiedOn: japanDate(), verifiedBy: '窓口 花子' }
    // A 個人番号 (12 digits ending in their check digit) is never recorded.
    const mynumber = await staff.post(`/applications/${a.id}/external-verifications`, { ...external, documentName: 'パスポート', documentNumber: '1234 5678 9018' })
    expect(mynumber.statusCode).toBe(400)
    expect(mynumber.json().error.fields.documentNumber).toMatch(/個人番号/)
    // Nor a date in the future, before this submission (a backdated ホ), or that does not exist.
    for (const verifiedOn of ['2099-01-01', '2020-01-01', '2026-02-30']) {
      expect((await staff.post(`/applications/${a.id}/external-verifications`, { ...external, method: 'ho', verifiedOn })).statusCode).toBe(400)
    }
    const viewer = await staffClient(app, 'VIEWER')
    expect((await viewer.post(`/applications/${a.id}/external-verifications`, external)).statusCode).toBe(403)

    const recorded = await staff.post(`/applications/${a.id}/external-verifications`, external)
    expect(recorded.statusCode).toBe(201)
    const { version } = await a.browser.refresh()
    expect((await staff.post(`/applications/${a.id}/decision`, { decision: 'APPROVE', version })).json()).toEqual({ status: 'APPROVED' })
    const verification = await app.prisma.verification.findUniqueOrThrow({ where: { id: recorded.json().verificationId } })
    expect(verification).toMatchObject({ provider: 'external', method: 'ic_chip', status: 'APPROVED' })
    const check = (await staff.get(`/account-sids/${a.sid}`)).json()
    expect(check).toMatchObject({ accountSid: a.sid, verified: true, reference: a.reference, applicationId: a.id, flow: 'FIRST_TIME' })
    expect(Object.keys(check).sort()).toEqual(['accountSid', 'applicationId', 'flow', 'reference', 'since', 'verified'])
  })

  it.each([
    ['an unknown reason code', { decision: 'DENY', reasonCodes: ['UGLY_PHOTO'], noteToApplicant: 'x' }, 400],
    ['a denial without a note', { decision: 'DENY', reasonCodes: ['OTHER'], noteToApplicant: '' }, 400],
    ['an unknown decision', { decision: 'MAYBE' }, 400],
  ])('refuses %s with 400 and changes nothing', async (_, body, status) => {
    const a = await submitted({ familyName: '伊藤', givenName: '四郎', familyNameKana: 'イトウ', givenNameKana: 'シロウ' })
    const { version } = await a.browser.refresh()
    const response = await staff.post(`/applications/${a.id}/decision`, { version, ...body })
    expect(response.statusCode).toBe(status)
    expect((await a.browser.refresh()).status).toBe('SUBMITTED')
  })

  it('refuses illegal moves and stale versions with 409', async () => {
    const draft = await applicantBrowser(app)
    expect((await staff.post(`/applications/${draft.id}/decision`, { decision: 'APPROVE', version: 1 })).statusCode).toBe(409)
    const a = await submitted({ familyName: '中村', givenName: '五郎', familyNameKana: 'ナカムラ', givenNameKana: 'ゴロウ' })
    expect((await staff.post(`/applications/${a.id}/decision`, { decision: 'APPROVE', version: 1 })).statusCode).toBe(409)
    const { version } = await a.browser.refresh()
    await staff.post(`/applications/${a.id}/decision`, { decision: 'DENY', version, reasonCodes: ['OTHER'], noteToApplicant: 'x' })
    expect((await staff.post(`/applications/${a.id}/decision`, { decision: 'DENY', version: version + 1, reasonCodes: ['OTHER'], noteToApplicant: 'x' })).statusCode).toBe(409)
  })
})

describe('the 確認記録 export', () => {
  it('holds the items of 施行規則20条 as JSON and CSV, and records the export', async () => {
    const a = await submitted({ familyName: '小林', givenName: '六子', familyNameKana: 'コバヤシ', givenNameKana: 'ムツコ' }, { verify: true })
    const record = (await staff.get(`/applications/${a.id}/record`)).json()
    expect(verificationRecordExport.parse(record)).toEqual(record)
    expect(record).toMatchObject({ reference: a.reference, frozen: { digest: expect.any(String) } })
    expect(record.record).toMatchObject({
      reference: a.reference,
      customerVerification: {
        subject: 'CUSTOMER',
        method: { code: 'ho', label: VERIFICATION_METHOD_LABELS.ho, article: '施行規則6条1項1号ホ', lawfulThatDay: true },
        document: { type: 'drivers_license', name: '運転免許証' },
        // The sandbox plays a vendor: its records say they are no lawful verification.
        lawful: false,
        note: expect.stringContaining('犯罪収益移転防止法に基づく本人確認ではありません'),
        receivedAt: { date: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/), at: expect.stringMatching(/\+09:00$/) },
      },
      customer: { name: '小林 六子', nameKana: 'コバヤシ ムツコ', birthDate: '1990年4月1日', address: '〒150-0002 東京都渋谷区渋谷2-21-1' },
      purposes: ['SMSを使ったチャットボット', '自動音声応答（IVR）'],
      occupation: '会社員',
      foreignPep: { code: 'NONE', label: '該当しない' },
      agent: null,
      verifiedBy: { actorType: 'PROVIDER', vendor: { provider: 'sandbox' } },
      linkBasis: null,
      highRisk: null,
    })
    const csv = await staff.get(`/applications/${a.id}/record?format=csv`)
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    expect(csv.body.startsWith('\ufeff"項目","内容"')).toBe(true)
    expect(csv.body).toContain('"本人特定事項：氏名","小林 六子"')
    expect(csv.body).toContain('"本人確認：本人確認書類の名称","運転免許証"')
    const events = await app.prisma.applicationEvent.findMany({ where: { applicationId: a.id, type: 'PII_EXPORTED' } })
    expect(events).toHaveLength(2)
  })

  it('cannot delete anything: there is no such route', async () => {
    const a = await submitted({ familyName: '加藤', givenName: '七海', familyNameKana: 'カトウ', givenNameKana: 'ナナミ' })
    const response = await app.inject({ method: 'DELETE', url: `/api/staff/applications/${a.id}`, headers: { authorization: `Bearer ${staff.key}` } })
    expect(response.statusCode).toBe(404)
    expect(await app.prisma.application.count({ where: { id: a.id } })).toBe(1)
  })
})
