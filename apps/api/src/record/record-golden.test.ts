import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draftAnswers } from '@kakunin/schema/form/application-form'
import { RECORD_ITEM_LABELS, verificationRecord, verificationRecordExport, type VerificationRecord } from '@kakunin/schema/verification-record'
import { customer, firstTimeAnswers, validExtra, validLogin, withAgent } from '@kakunin/test-data/answers'
import type { App } from '#src/app.ts'
import { loadApplicationRecord } from '#src/staff/read-application.ts'
import { staffClient, TEST_PERSON } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { exportedRecord } from './export-record.ts'
import { freezeRecord } from './freeze-record.ts'
import { verificationRecordCsv } from './record-csv.ts'
import { recordDigest } from './record-digest.ts'

// The 確認記録 of a customer with a 代理人 and a 通称, built from rows seeded as the flows leave
// them (the 代理人's flow writes these rows; here they are written directly), compared with the
// committed golden files. A change to the record's shape or wording shows up in their diff; to
// accept one, run `npx vitest run src/record/record-golden.test.ts -u` and review the diff.

const CLOCK = new Date('2026-12-01T01:00:00.000Z') // 10:00 in Japan
const at = (iso: string) => new Date(iso)
const ID = {
  application: '6f1c2d3e-4b5a-4c6d-8e7f-000000000001',
  customerVerification: '6f1c2d3e-4b5a-4c6d-8e7f-000000000002',
  agentVerification: '6f1c2d3e-4b5a-4c6d-8e7f-000000000003',
  evidence: '6f1c2d3e-4b5a-4c6d-8e7f-000000000004',
  staffKey: '6f1c2d3e-4b5a-4c6d-8e7f-000000000005',
  frozen: '6f1c2d3e-4b5a-4c6d-8e7f-0000000000ff',
}
const REFERENCE = 'KYC-20261130-9901'
const SHA256 = 'b'.repeat(64)

const answers = draftAnswers.parse(
  firstTimeAnswers({
    login: { ...validLogin, accountSid: 'AC00000000000000000000000000009901' },
    user: customer({ familyName: '李', givenName: '明', familyNameKana: 'リ', givenNameKana: 'メイ', address: { building: '' } }),
    extra: { ...validExtra, tradeName: '李山 明', tradeNameKind: 'ALIAS', aliasReason: '外国人のため日本での通称を用いる' },
    agent: withAgent({ familyName: '李山', givenName: '花子', familyNameKana: 'リヤマ', givenNameKana: 'ハナコ', relationship: 'FAMILY' }),
  }),
)

async function seed(app: App) {
  const { prisma } = app
  await prisma.application.create({
    data: {
      id: ID.application,
      reference: REFERENCE,
      flow: 'FIRST_TIME',
      status: 'APPROVED',
      version: 5,
      answers,
      createdAt: at('2026-11-30T00:00:00.000Z'),
      updatedAt: at('2026-12-01T00:30:00.000Z'),
      submittedAt: at('2026-11-30T00:10:00.000Z'),
      accountSid: answers.login?.accountSid ?? null,
      fullName: '李 明',
      fullNameKana: 'リ メイ',
    },
  })
  const verification = (id: string, subject: 'CUSTOMER' | 'AGENT', rest: { method: string; documentType: string; read: object; minute: number }) => ({
    id,
    applicationId: ID.application,
    provider: 'trustdock',
    providerReference: `td-golden-${subject.toLowerCase()}`,
    subject,
    method: rest.method,
    documentType: rest.documentType,
    status: 'APPROVED' as const,
    url: 'https://example.com/verify',
    expiresAt: at('2026-11-30T12:00:00.000Z'),
    createdAt: at(`2026-11-30T00:${rest.minute}:00.000Z`),
    startedAt: at(`2026-11-30T00:${rest.minute + 1}:00.000Z`),
    submittedAt: at(`2026-11-30T00:${rest.minute + 5}:00.000Z`),
    decidedAt: at('2026-12-01T00:30:00.000Z'),
    result: { verdict: 'APPROVED', reasons: [], mismatches: [], read: rest.read },
  })
  await prisma.verification.create({
    data: verification(ID.customerVerification, 'CUSTOMER', {
      method: 'ic_chip',
      documentType: 'residence_card',
      minute: 11,
      read: { familyName: '李', givenName: '明', birthDate: { year: '1990', month: '4', day: '1' }, address: '東京都渋谷区渋谷2-21-1', documentNumber: 'AB12345678CD', expiresOn: '2029-03-31', issuer: '出入国在留管理庁長官' },
    }),
  })
  // The agent's マイナンバーカード: its record says the 個人番号 was not taken (the vendor never sends it).
  await prisma.verification.create({
    data: verification(ID.agentVerification, 'AGENT', {
      method: 'jpki',
      documentType: 'my_number_card',
      minute: 20,
      read: { familyName: '李山', givenName: '花子', birthDate: { year: '1965', month: '7', day: '20' }, address: '東京都渋谷区渋谷2-21-1カクニンビル101', expiresOn: '2030-07-20', issuer: '渋谷区' },
    }),
  })
  await prisma.agentEvidenceDocument.create({
    data: { id: ID.evidence, applicationId: ID.application, kind: 'POWER_OF_ATTORNEY', type: 'application/pdf', bytes: 4, sha256: SHA256, content: Buffer.from('%PDF'), createdAt: at('2026-11-30T00:30:00.000Z') },
  })
  const events: { type: string; actorType: 'APPLICANT' | 'STAFF' | 'PROVIDER' | 'SYSTEM'; actorId?: string; from?: 'DRAFT' | 'SUBMITTED' | 'VERIFYING' | 'IN_REVIEW'; to?: 'SUBMITTED' | 'VERIFYING' | 'IN_REVIEW' | 'APPROVED'; data: object; time: string }[] = [
    { type: 'CREATED', actorType: 'APPLICANT', data: { flow: 'FIRST_TIME' }, time: '2026-11-30T00:00:00.000Z' },
    { type: 'SUBMITTED', actorType: 'APPLICANT', from: 'DRAFT', to: 'SUBMITTED', data: { answers }, time: '2026-11-30T00:10:00.000Z' },
    {
      type: 'VERIFICATION_REQUESTED',
      actorType: 'APPLICANT',
      data: { verificationId: ID.customerVerification, provider: 'trustdock', providerReference: 'td-golden-customer', expiresAt: '2026-11-30T12:00:00.000Z', subject: 'CUSTOMER' },
      time: '2026-11-30T00:11:00.000Z',
    },
    {
      type: 'VERIFICATION_REQUESTED',
      actorType: 'APPLICANT',
      data: { verificationId: ID.agentVerification, provider: 'trustdock', providerReference: 'td-golden-agent', expiresAt: '2026-11-30T12:00:00.000Z', subject: 'AGENT' },
      time: '2026-11-30T00:20:00.000Z',
    },
    { type: 'AGENT_EVIDENCE_UPLOADED', actorType: 'APPLICANT', data: { documentId: ID.evidence, kind: 'POWER_OF_ATTORNEY', type: 'application/pdf', bytes: 4, sha256: SHA256 }, time: '2026-11-30T00:30:00.000Z' },
    {
      type: 'AGENT_GROUND_DECIDED',
      actorType: 'STAFF',
      actorId: ID.staffKey,
      data: { ground: 'POWER_OF_ATTORNEY', documentId: ID.evidence, sha256: SHA256, note: '委任状の署名と日付を確認した', keyName: 'test reviewer', role: 'REVIEWER', person: TEST_PERSON },
      time: '2026-12-01T00:20:00.000Z',
    },
    {
      type: 'VERIFICATION_APPROVED',
      actorType: 'PROVIDER',
      actorId: 'trustdock',
      data: { eventId: 'td-event-1', verificationId: ID.agentVerification, subject: 'AGENT', waitingFor: 'CUSTOMER' },
      time: '2026-12-01T00:25:00.000Z',
    },
    {
      type: 'DECIDED',
      actorType: 'PROVIDER',
      actorId: 'trustdock',
      from: 'IN_REVIEW',
      to: 'APPROVED',
      data: { eventId: 'td-event-2', verdict: 'APPROVED', reasons: [], verificationId: ID.customerVerification, agentVerificationId: ID.agentVerification },
      time: '2026-12-01T00:30:00.000Z',
    },
  ]
  for (const e of events) {
    await prisma.applicationEvent.create({
      data: { applicationId: ID.application, type: e.type, actorType: e.actorType, actorId: e.actorId ?? null, fromStatus: e.from ?? null, toStatus: e.to ?? null, data: e.data, createdAt: at(e.time) },
    })
  }
  // Frozen as the approving transaction freezes it (freeze-record.ts), at the decision.
  return prisma.$transaction((tx) => freezeRecord(tx, ID.application, at('2026-12-01T00:30:00.000Z')))
}

let app: App
let frozenId: string
beforeAll(async () => {
  app = await buildTestApp({ clock: () => CLOCK })
  frozenId = (await seed(app)).id
})
afterAll(() => app.close())

// The frozen row's id is the database's own: the golden files name it by a fixed one.
const fixedId = (text: string) => text.replaceAll(frozenId, ID.frozen)

describe('the 確認記録 of a customer with a 代理人 and a 通称 (golden)', () => {
  it('is the committed JSON, in the schema', async () => {
    const exported = await exportedRecord(app.prisma, await loadApplicationRecord(app.prisma, ID.application))
    expect(verificationRecordExport.parse(exported)).toEqual(exported)
    expect(verificationRecord.parse(exported.record)).toEqual(exported.record)
    const record = exported.record as VerificationRecord
    // What the record must say, whatever else changes in the golden file.
    expect(record.agent?.verification?.document).toEqual({ type: 'my_number_card', name: 'マイナンバーカード', number: null, numberNote: expect.stringContaining('個人番号は取得していない'), expiresOn: '2030-07-20', issuer: '渋谷区' })
    expect(record.customerVerification?.document?.number).toBe('AB12345678CD')
    expect(record.alias).toEqual({ name: '李山 明', kind: { code: 'ALIAS', label: '通称' }, reason: '外国人のため日本での通称を用いる' })
    expect(record.agent?.ground).toMatchObject({ code: 'POWER_OF_ATTORNEY', decidedBy: TEST_PERSON, document: { documentId: ID.evidence, sha256: SHA256 } })
    expect(record.verifiedBy?.at).toEqual({ date: '2026年12月1日', at: '2026-12-01T09:30:00.000+09:00' })
    expect(JSON.stringify(exported)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/)
    // In the schema's order (PostgreSQL's jsonb hands keys back in its own; the digest is over the canonical form).
    await expect(fixedId(`${JSON.stringify(verificationRecordExport.parse(exported), null, 2)}\n`)).toMatchFileSnapshot('./__golden__/record-with-agent-and-alias.json')
  })

  it('is the committed CSV: Japanese item names, UTF-8 with BOM', async () => {
    const exported = await exportedRecord(app.prisma, await loadApplicationRecord(app.prisma, ID.application))
    const csv = verificationRecordCsv(exported)
    expect(csv.startsWith('\ufeff"項目","内容"\r\n')).toBe(true)
    const names = csv.split('\r\n').slice(1, -1).map((line) => line.slice(1, line.indexOf('",')))
    expect(names.filter((name) => /^[a-z]+(\.[a-zA-Z]+)+/.test(name))).toEqual([])
    await expect(fixedId(csv)).toMatchFileSnapshot('./__golden__/record-with-agent-and-alias.csv')
  })

  it('is what the staff route returns, as JSON and as CSV', async () => {
    const staff = await staffClient(app, 'VIEWER')
    const json = (await staff.get(`/applications/${ID.application}/record`)).json()
    const exported = await exportedRecord(app.prisma, await loadApplicationRecord(app.prisma, ID.application))
    expect(json.record).toEqual(exported.record)
    expect(json.frozen).toEqual(exported.frozen)
    const csv = (await staff.get(`/applications/${ID.application}/record?format=csv`)).body
    const items = (text: string) => text.slice(0, text.indexOf('"現在の状態"'))
    expect(items(csv)).toBe(items(verificationRecordCsv(exported)))
  })
})

/** Every leaf of a JSON value, by its path. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
    return entries.length === 0 ? [path] : entries.flatMap(([key, inner]) => leaves(inner, [...path, key]))
  }
  return [path]
}

function withLeaf(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withLeaf(v, rest, replacement) : v))
  const object = value as Record<string, unknown>
  return { ...object, [head!]: withLeaf(object[head!], rest, replacement) }
}

describe('the frozen record’s digest', () => {
  it('is over the stored record, and changes when any item of it changes, at any depth', async () => {
    const frozen = await app.prisma.verificationRecord.findUniqueOrThrow({ where: { id: frozenId } })
    const record = frozen.record as VerificationRecord
    expect(recordDigest(record)).toBe(frozen.digest)
    // Every item the record has is a leaf somewhere below its top-level key.
    const paths = leaves(record)
    expect(new Set(paths.map(([top]) => top))).toEqual(new Set(['recordVersion', ...Object.keys(RECORD_ITEM_LABELS)]))
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))
    fc.assert(
      fc.property(fc.constantFrom(...paths), scalar, (path, replacement) => {
        const original = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], record)
        fc.pre(JSON.stringify(original) !== JSON.stringify(replacement))
        expect(recordDigest(withLeaf(record, path, replacement))).not.toBe(frozen.digest)
      }),
      { numRuns: 500 },
    )
    // And one run through every leaf: none is left out of the digest.
    for (const path of paths) expect(recordDigest(withLeaf(record, path, '\u0000changed')), path.join('.')).not.toBe(frozen.digest)
  })
})
