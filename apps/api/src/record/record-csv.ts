import {
  RECORD_FIELD_LABELS as F,
  RECORD_ITEM_LABELS as L,
  type JapanTime,
  type LegacyVerificationRecord,
  type RecordItem,
  type RecordPerson,
  type RecordVerification,
  type VerificationRecord,
  type VerificationRecordExport,
} from '@kakunin/schema/verification-record'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import { APPLICATION_STATUS_LABELS } from '@kakunin/schema/application'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'

// The 確認記録 as CSV, for people reading it in a spreadsheet: Japanese names from the labels
// kept as data in packages/schema (RECORD_ITEM_LABELS), UTF-8 with a BOM for Excel, every cell
// quoted and guarded against formula injection. One record is one 項目/内容 row per item; the
// period export is one row per record with the same names as columns.

export const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
  // A leading = + - @ (or a tab or carriage return) would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return `"${safe.replace(/"/g, '""')}"`
}

export const csvLine = (values: unknown[]) => `${values.map(csvCell).join(',')}\r\n`
export const BOM = '\ufeff'

/** A JST instant in a cell: the date as people read it, and the exact time with +09:00. */
export const timeCell = (t: JapanTime | null | undefined) => (t ? `${t.date}（${t.at}）` : '')
export const personCell = (p: RecordPerson | null | undefined) => (p ? (p.department ? `${p.name}（${p.department}）` : p.name) : '')
const FLOW_LABELS: Record<ApplicationFlow, string> = {
  FIRST_TIME: '初回（取引時確認済みのAccount SIDを持っていない）',
  LINK_VERIFIED: '2回目以降（取引時確認済みのAccount SIDに依拠する）',
}
const yesNo = (value: boolean | null | undefined) => (value === true ? 'はい' : value === false ? 'いいえ' : '')

type Cells = [string, string][]
const item = (key: RecordItem) => L[key].label
const field = (key: RecordItem, name: keyof typeof F) => `${L[key].short}：${F[name]}`

/** One person's verification, under a heading (本人確認, or 代理人の本人確認). */
function verificationCells(heading: string, v: RecordVerification | null): Cells {
  const f = (name: keyof typeof F) => `${heading}：${F[name]}`
  return [
    [f('vendor'), v ? `${v.provider}（${v.providerReference}）` : ''],
    [f('lawful'), yesNo(v?.lawful)],
    [f('note'), v?.note ?? ''],
    [f('receivedAt'), timeCell(v?.receivedAt)],
    [f('method'), v?.method?.label ?? ''],
    [f('methodCode'), v?.method?.code ?? ''],
    [f('methodArticle'), v?.method?.article ?? ''],
    [f('ruleVersion'), v?.method?.ruleVersion.label ?? ''],
    [f('lawfulThatDay'), yesNo(v?.method?.lawfulThatDay)],
    [f('documentName'), v?.document?.name ?? ''],
    [f('documentNumber'), v?.document ? (v.document.number ?? v.document.numberNote ?? '') : ''],
    [f('expiresOn'), v?.document?.expiresOn ?? ''],
    [f('issuer'), v?.document?.issuer ?? ''],
    [f('read'), v?.read ? `${v.read.name}、${v.read.birthDate}、${v.read.address}` : ''],
    [f('external'), v?.external ? `${v.external.verifiedOn} ${v.external.verifiedBy}（記録：${v.external.recordedBy}）` : ''],
  ]
}

/** Every item of a (version 2) record, in the record's order, with fixed names: empty when it does not apply. */
export function recordCells(r: VerificationRecord): Cells {
  const agent = r.agent
  const ground = agent?.ground
  const vendor = r.verifiedBy?.vendor
  return [
    [item('reference'), r.reference],
    [item('flow'), FLOW_LABELS[r.flow]],
    [item('status'), APPLICATION_STATUS_LABELS[r.status]],
    [item('verifiedBy'), [vendor ? `${vendor.provider}（${vendor.providerReference}）` : '', personCell(r.verifiedBy?.person)].filter(Boolean).join('、')],
    [field('verifiedBy', 'decidedAt'), timeCell(r.verifiedBy?.at)],
    [item('recordedBy'), r.recordedBy.person ? `${r.recordedBy.system}（${personCell(r.recordedBy.person)}の承認による）` : r.recordedBy.system],
    ...verificationCells(L.customerVerification.short, r.customerVerification),
    [item('transaction'), r.transaction.kind],
    [field('transaction', 'date'), timeCell(r.transaction.date)],
    [field('customer', 'name'), r.customer?.name ?? ''],
    [field('customer', 'nameKana'), r.customer?.nameKana ?? ''],
    [field('customer', 'birthDate'), r.customer?.birthDate ?? ''],
    [field('customer', 'address'), r.customer?.address ?? ''],
    [field('agent', 'name'), agent?.name ?? ''],
    [field('agent', 'nameKana'), agent?.nameKana ?? ''],
    [field('agent', 'birthDate'), agent?.birthDate ?? ''],
    [field('agent', 'address'), agent?.address ?? ''],
    [field('agent', 'relationship'), agent?.relationship.label ?? ''],
    ...verificationCells(`${L.agent.short}の${L.customerVerification.short}`, agent?.verification ?? null),
    [field('agent', 'ground'), ground?.label ?? ''],
    [field('agent', 'groundDecidedAt'), timeCell(ground?.decidedAt)],
    [field('agent', 'groundDecidedBy'), ground ? personCell(ground.decidedBy) || 'kakunin（顧客の住居と同じ住居であることをシステムが確認）' : ''],
    [field('agent', 'groundDocument'), ground?.document?.sha256 ?? ground?.document?.documentId ?? ''],
    [field('agent', 'groundCall'), ground?.call ? [ground.call.phoneNumber, ground.call.numberSource ? `（${ground.call.numberSource}）` : '', timeCell(ground.call.calledAt)].filter(Boolean).join(' ') : ''],
    [`${L.agent.short}：${F.ground}の${F.note}`, ground?.note ?? ''],
    [field('agent', 'evidence'), (agent?.evidence ?? []).map((d) => `${d.label}（${d.type}、SHA-256 ${d.sha256}、${timeCell(d.at)}）`).join('\n')],
    [item('purposes'), r.purposes.join('、')],
    [item('highValueTransactions'), yesNo(r.highValueTransactions)],
    [item('occupation'), r.occupation ?? ''],
    [field('alias', 'aliasName'), r.alias?.name ?? ''],
    [field('alias', 'aliasKind'), r.alias?.kind?.label ?? ''],
    [field('alias', 'aliasReason'), r.alias?.reason ?? ''],
    [item('accountSid'), r.accountSid ?? ''],
    [item('verifiedAccountSid'), r.verifiedAccountSid ?? ''],
    [item('foreignPep'), r.foreignPep?.label ?? ''],
    [field('highRisk', 'grounds'), (r.highRisk?.grounds ?? []).map((g) => g.label).join('、')],
    [field('highRisk', 'documents'), (r.highRisk?.documents ?? []).map((d) => `${d.label}（${d.type}、SHA-256 ${d.sha256}、${timeCell(d.at)}）`).join('\n')],
    [field('highRisk', 'approvedBy'), personCell(r.highRisk?.approvedBy)],
    [field('highRisk', 'approvedAt'), timeCell(r.highRisk?.approvedAt)],
    [field('highRisk', 'reason'), r.highRisk?.reason ?? ''],
    [field('linkBasis', 'reliedOnReference'), r.linkBasis?.reliedOnReference ?? ''],
    [field('linkBasis', 'rootReference'), r.linkBasis?.rootReference ?? ''],
    [
      field('linkBasis', 'rootVerification'),
      r.linkBasis?.rootVerification
        ? [r.linkBasis.rootVerification.method?.label ?? '', timeCell(r.linkBasis.rootVerification.receivedAt), r.linkBasis.rootVerification.note ?? ''].filter(Boolean).join('、')
        : '',
    ],
    [field('linkBasis', 'ownerSentTo'), r.linkBasis?.ownerConfirmation.sentTo ?? ''],
    [field('linkBasis', 'ownerConfirmedAt'), timeCell(r.linkBasis?.ownerConfirmation.confirmedAt)],
  ]
}

/** The names of the cells every version-2 record has, in order (the period export's columns). */
export const RECORD_CELL_NAMES: readonly string[] = recordCells({
  recordVersion: 2,
  reference: '',
  flow: 'FIRST_TIME',
  status: 'APPROVED',
  verifiedBy: null,
  recordedBy: { system: '', person: null },
  customerVerification: null,
  transaction: { kind: '', date: null },
  customer: null,
  agent: null,
  purposes: [],
  highValueTransactions: null,
  occupation: null,
  alias: null,
  accountSid: null,
  verifiedAccountSid: null,
  foreignPep: null,
  highRisk: null,
  linkBasis: null,
}).map(([name]) => name)

const legacyTime = (iso: string | null | undefined) => (iso ? formatJapanDateTime(iso) : '')

/**
 * A record frozen before version 2, under the same names where it has the item (its dates as
 * they were stored, in Japan time). It is shown, never rewritten.
 */
export function legacyCells(r: LegacyVerificationRecord): Cells {
  const v = L.customerVerification.short
  const cells: Cells = [
    [item('reference'), r.reference],
    [item('status'), r.status],
    [item('verifiedBy'), r.verifiedBy ? [r.verifiedBy.actorType, r.verifiedBy.actorId].filter(Boolean).join(':') : ''],
    [field('verifiedBy', 'decidedAt'), legacyTime(r.verifiedBy?.at)],
    [item('recordedBy'), r.recordCreatedBy ?? ''],
    [`${v}：${F.lawful}`, yesNo(r.lawfulVerification)],
    [`${v}：${F.note}`, r.verificationNote ?? ''],
    [`${v}：${F.receivedAt}`, legacyTime(r.documentReceivedAt)],
    [`${v}：${F.method}`, r.verificationMethodLabel ?? ''],
    [`${v}：${F.methodCode}`, r.verificationMethod ?? ''],
    [`${v}：${F.documentName}`, r.documentType ?? ''],
    [item('transaction'), r.transactionKind ?? ''],
    [field('transaction', 'date'), legacyTime(r.transactionDate)],
    [field('customer', 'name'), r.customer?.name ?? ''],
    [field('customer', 'nameKana'), r.customer?.nameKana ?? ''],
    [field('customer', 'birthDate'), r.customer?.birthDate ?? ''],
    [field('customer', 'address'), r.customer?.address ?? ''],
    [field('agent', 'name'), r.agent?.name ?? ''],
    [field('agent', 'relationship'), r.agent?.relationship ?? ''],
    [item('purposes'), (r.purposes ?? []).join('、')],
    [item('occupation'), r.occupation ?? ''],
    [field('alias', 'aliasName'), r.alias?.name ?? ''],
    [field('alias', 'aliasKind'), r.alias?.kind ?? ''],
    [field('alias', 'aliasReason'), r.alias?.reason ?? ''],
    [item('accountSid'), r.accountSid ?? ''],
    [item('foreignPep'), r.foreignPep ?? ''],
  ]
  return cells
}

export const isCurrentRecord = (record: VerificationRecord | LegacyVerificationRecord): record is VerificationRecord =>
  (record as { recordVersion?: unknown }).recordVersion === 2

/** The cells of a record of any version. */
export const cellsOf = (record: VerificationRecord | LegacyVerificationRecord): Cells => (isCurrentRecord(record) ? recordCells(record) : legacyCells(record))

/** One application's 確認記録 as CSV: one 項目/内容 row per item, then the frozen record's facts, its 付記, history and emails. */
export function verificationRecordCsv(exported: VerificationRecordExport): string {
  const rows: Cells = [
    ...cellsOf(exported.record),
    ['現在の状態', APPLICATION_STATUS_LABELS[exported.currentStatus]],
    ['確認記録の版', String(exported.recordVersion)],
    ['確認記録ID', exported.frozen?.recordId ?? ''],
    ['確認記録の作成日時', exported.frozen ? timeCell(exported.frozen.at) : '（承認前のため未作成）'],
    ['ダイジェスト（SHA-256）', exported.frozen?.digest ?? ''],
    ...(exported.frozen?.notes ?? []).map((note, index): [string, string] => [`付記${index + 1}`, `${timeCell(note.at)} ${personCell(note.by)}：${note.text}`]),
    ...exported.history.map((h, index): [string, string] => [`履歴${index + 1}`, `${timeCell(h.at)} ${h.type} ${h.actor}${h.from || h.to ? ` ${h.from ?? ''}→${h.to ?? ''}` : ''}`]),
    ...exported.emails.map((e, index): [string, string] => [`メール${index + 1}`, `${timeCell(e.at)} ${e.template} ${e.to} ${e.status}${e.sentAt ? ` 送信 ${timeCell(e.sentAt)}` : ''}`]),
  ]
  return `${BOM}${[['項目', '内容'], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
