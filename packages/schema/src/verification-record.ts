import { AGENT_EVIDENCE_KINDS, AGENT_GROUNDS } from './agent-ground.ts'
import { APPLICATION_FLOWS } from './application-flow.ts'
import { APPLICATION_STATUSES } from './application.ts'
import { EVENT_TYPES } from './events.ts'
import { PEP_STATUSES, TRADE_NAME_KINDS } from './form/extra-step.ts'
import { RELATIONSHIPS } from './form/agent-step.ts'
import { HIGH_RISK_GROUNDS, REVIEW_DOCUMENT_KINDS } from './high-risk.ts'
import { japanToday } from './japan-time.ts'
import { ACTORS } from './status-machine.ts'
import { VERIFICATION_STATUSES, VERIFICATION_SUBJECTS } from './verification.ts'
import { VERIFICATION_METHODS, type VerificationMethod } from './verification-method.ts'
import { z } from './zod.ts'

// The 確認記録 (犯収法6条1項, 施行規則19条・20条) of an individual customer verified without
// meeting them, as one typed object. Its items come in the order of 施行規則20条1項's 号; each
// is labelled, as data, with its Japanese name and 号 (RECORD_ITEM_LABELS), which the CSV, the
// OpenAPI document and the README use. The record is always Japanese.

/** The shape of the record this file describes; frozen rows keep the version they were made with. */
export const RECORD_VERSION = 2

/** An instant in Japan: the date as people read it (2026年12月1日) and the exact time with +09:00. */
export const japanTime = z.object({
  date: z.string().check(z.regex(/^\d{4}年\d{1,2}月\d{1,2}日$/)),
  at: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00$/)),
})
export type JapanTime = z.infer<typeof japanTime>

/** A person named in the record: a staff member (氏名, 所属部署), or someone named without a department. */
export const recordPerson = z.object({ name: z.string(), department: z.nullable(z.string()) })
export type RecordPerson = z.infer<typeof recordPerson>

const coded = <const T extends readonly [string, ...string[]]>(codes: T) => z.object({ code: z.enum(codes), label: z.string() })

// ---------------------------------------------------------------------------------------------
// The method and the rule in force on the day the data was received (施行規則6条1項1号).

/** Where each method is in 施行規則6条1項1号. */
export const METHOD_ARTICLES: Record<VerificationMethod, string> = {
  ho: '施行規則6条1項1号ホ',
  ic_chip: '施行規則6条1項1号ヘ',
  jpki: '施行規則6条1項1号ワ',
}

/**
 * The versions of the rule a method was judged by: the online methods (ホ, ヘ, ワ) since the
 * amendment in force from 2018-11-30, and from 2027-04-01 (Japan time) the rule without the
 * image-based ホ.
 */
export const RULE_VERSIONS = ['2018-11-30', '2027-04-01'] as const
export type RuleVersion = (typeof RULE_VERSIONS)[number]
export const RULE_VERSION_LABELS: Record<RuleVersion, string> = {
  '2018-11-30': '施行規則（2018年11月30日施行の改正以後、2027年3月31日まで）：ホ・ヘ・ワの方法を用いることができる',
  '2027-04-01': '施行規則（2027年4月1日以後）：本人確認書類の画像によるホの方法は用いることができない',
}

/** The rule version in force on the day (in Japan) `at` falls on. */
export function ruleVersionOn(at: Date): RuleVersion {
  const { year, month, day } = japanToday(at)
  return year * 10000 + month * 100 + day >= 20270401 ? '2027-04-01' : '2018-11-30'
}

export const recordMethod = z.object({
  code: z.enum(VERIFICATION_METHODS),
  label: z.string(),
  /** Where the method is in the law, e.g. 施行規則6条1項1号ヘ. */
  article: z.string(),
  /** The rule in force on the day the images, IC data or certificate were received. */
  ruleVersion: coded(RULE_VERSIONS),
  /** Whether that rule allowed the method that day. */
  lawfulThatDay: z.boolean(),
})

/** The document: its name, 記号番号, expiry and issuer where the vendor gave them. Never a 個人番号. */
export const recordDocument = z.object({
  /** The vendor's document type (DOCUMENT_TYPES), null for one recorded by staff. */
  type: z.nullable(z.string()),
  name: z.string(),
  number: z.nullable(z.string()),
  /** Why there is no number: for a マイナンバーカード, that the 個人番号 was not taken. */
  numberNote: z.nullable(z.string()),
  expiresOn: z.nullable(z.string()),
  issuer: z.nullable(z.string()),
})

/** 本人特定事項 as declared in the application (氏名, 住居, 生年月日). */
export const recordIdentity = z.object({ name: z.string(), nameKana: z.string(), birthDate: z.string(), address: z.string() })

/** The details the vendor read from the document. */
export const recordReading = z.object({ name: z.string(), birthDate: z.string(), address: z.string() })

/** One person's verification: the customer's or the 代理人's. */
export const recordVerification = z.object({
  subject: z.enum(VERIFICATION_SUBJECTS),
  verificationId: z.uuid(),
  status: z.enum(VERIFICATION_STATUSES),
  /** Who verified: the vendor (adapter name) and its reference for this review; `external` for one recorded by staff. */
  provider: z.string(),
  providerReference: z.string(),
  /** Whether it is a verification under 犯収法: never for the built-in sandbox. */
  lawful: z.boolean(),
  note: z.nullable(z.string()),
  /** When the images, IC data or certificate were received (the 号 of the method used). */
  receivedAt: z.nullable(japanTime),
  decidedAt: z.nullable(japanTime),
  method: z.nullable(recordMethod),
  document: z.nullable(recordDocument),
  read: z.nullable(recordReading),
  /** A verification done outside kakunin: the day, who did it, and who recorded it. */
  external: z.nullable(z.object({ verifiedOn: z.string(), verifiedBy: z.string(), recordedBy: z.string() })),
})
export type RecordVerification = z.infer<typeof recordVerification>

// ---------------------------------------------------------------------------------------------
// The 代理人 (犯収法4条4項・6項, 施行規則12条5項).

export const recordAgentGround = z.object({
  ...coded(AGENT_GROUNDS).shape,
  decidedAt: japanTime,
  /** The staff person who decided; null when the system found it (a relative at the customer's verified address). */
  decidedBy: z.nullable(recordPerson),
  /** The uploaded document that was read (委任状, or what shows a 法定代理人). */
  document: z.nullable(z.object({ documentId: z.string(), sha256: z.nullable(z.string()) })),
  /** The call made to the customer. */
  call: z.nullable(z.object({ phoneNumber: z.string(), /** How the number is known to be the customer's. */ numberSource: z.nullable(z.string()), calledAt: z.nullable(japanTime) })),
  note: z.nullable(z.string()),
})

export const recordAgentEvidence = z.object({
  documentId: z.uuid(),
  ...coded(AGENT_EVIDENCE_KINDS).shape,
  type: z.string(),
  bytes: z.int(),
  sha256: z.string(),
  at: japanTime,
})

export const recordAgent = z.object({
  ...recordIdentity.shape,
  relationship: z.object({ code: z.enum(RELATIONSHIPS), label: z.string() }),
  verification: z.nullable(recordVerification),
  ground: z.nullable(recordAgentGround),
  evidence: z.array(recordAgentEvidence),
})

// ---------------------------------------------------------------------------------------------
// The record.

export const recordLinkBasis = z.object({
  reliedOnReference: z.string(),
  rootReference: z.string(),
  rootVerification: z.nullable(
    z.object({ provider: z.string(), method: z.nullable(recordMethod), receivedAt: z.nullable(japanTime), lawful: z.boolean(), note: z.nullable(z.string()) }),
  ),
  ownerConfirmation: z.object({ sentTo: z.string(), confirmedAt: z.nullable(japanTime) }),
})

export const recordHighRisk = z.object({
  grounds: z.array(coded(HIGH_RISK_GROUNDS)),
  /** The further documents (施行規則14条): a second document, and the 資産及び収入 where asked. */
  documents: z.array(z.object({ documentId: z.uuid(), ...coded(REVIEW_DOCUMENT_KINDS).shape, type: z.string(), sha256: z.string(), at: japanTime })),
  /** The 統括管理者 who approved it, and why. */
  approvedBy: z.nullable(recordPerson),
  approvedAt: z.nullable(japanTime),
  reason: z.nullable(z.string()),
})

const recordShape = {
  recordVersion: z.literal(RECORD_VERSION),
  reference: z.string(),
  flow: z.enum(APPLICATION_FLOWS),
  /** The status when the record was made (APPROVED when frozen). */
  status: z.enum(APPLICATION_STATUSES),
  /** 1号 */
  verifiedBy: z.nullable(
    z.object({
      /** Who made the decision: the vendor, a staff person, the owner of a verified account, or the system. */
      actorType: z.enum(ACTORS),
      vendor: z.nullable(z.object({ provider: z.string(), providerReference: z.string() })),
      person: z.nullable(recordPerson),
      at: japanTime,
    }),
  ),
  /** 2号 */
  recordedBy: z.object({ system: z.string(), person: z.nullable(recordPerson) }),
  /** 3号〜14号 (the date of the method used), 16号, 17号: the customer's verification. */
  customerVerification: z.nullable(recordVerification),
  /** 15号, and the day of the transaction (the application submitted). */
  transaction: z.object({ kind: z.string(), date: z.nullable(japanTime) }),
  /** 20号 */
  customer: z.nullable(recordIdentity),
  /** 21号 */
  agent: z.nullable(recordAgent),
  /** 22号 */
  purposes: z.array(z.string()),
  highValueTransactions: z.nullable(z.boolean()),
  /** 23号 */
  occupation: z.nullable(z.string()),
  /** 26号 */
  alias: z.nullable(z.object({ name: z.string(), kind: z.nullable(coded(TRADE_NAME_KINDS)), reason: z.nullable(z.string()) })),
  /** 27号: what the record is found by. */
  accountSid: z.nullable(z.string()),
  verifiedAccountSid: z.nullable(z.string()),
  /** 施行令12条3項 */
  foreignPep: z.nullable(coded(PEP_STATUSES)),
  /** 犯収法4条2項 (25号, 28号) */
  highRisk: z.nullable(recordHighRisk),
  /** 犯収法4条3項, 施行規則16条 */
  linkBasis: z.nullable(recordLinkBasis),
}

export type RecordItem = Exclude<keyof typeof recordShape, 'recordVersion'>

/**
 * Each item's Japanese name and where the law asks for it (施行規則20条1項's 号, or another
 * provision for the items this product adds). The order is the record's.
 */
export const RECORD_ITEM_LABELS = {
  reference: { label: '受付番号', short: '受付番号', article: null },
  flow: { label: 'お申し込みの種類', short: 'お申し込みの種類', article: null },
  status: { label: '確認記録の作成時の状態', short: '作成時の状態', article: null },
  verifiedBy: { label: '取引時確認を行った者', short: '取引時確認を行った者', article: '施行規則20条1項1号' },
  recordedBy: { label: '確認記録の作成者', short: '確認記録の作成者', article: '施行規則20条1項2号' },
  customerVerification: { label: '本人特定事項の確認（送信を受けた日付、方法、本人確認書類）', short: '本人確認', article: '施行規則20条1項3号〜14号（用いた方法の日付）・16号・17号' },
  transaction: { label: '取引時確認を行った取引の種類', short: '取引', article: '施行規則20条1項15号' },
  customer: { label: '本人特定事項', short: '本人特定事項', article: '施行規則20条1項20号' },
  agent: { label: '代表者等（代理人）の本人特定事項、顧客等との関係及び取引の任に当たっていると認めた理由', short: '代理人', article: '施行規則20条1項21号、同12条5項' },
  purposes: { label: '取引を行う目的', short: '取引を行う目的', article: '施行規則20条1項22号' },
  highValueTransactions: { label: '200万円を超える財産の移転を伴う取引', short: '200万円を超える取引', article: '犯収法4条2項、施行令11条' },
  occupation: { label: '職業', short: '職業', article: '施行規則20条1項23号' },
  alias: { label: '本人特定事項と異なる名義（屋号・団体名・通称）及びその理由', short: '異なる名義', article: '施行規則20条1項26号' },
  accountSid: { label: '確認記録を検索するための事項（Account SID）', short: 'Account SID', article: '施行規則20条1項27号' },
  verifiedAccountSid: { label: '取引時確認済みのAccount SID', short: '取引時確認済みのAccount SID', article: '犯収法4条3項' },
  foreignPep: { label: '外国PEPsへの該当', short: '外国PEPs', article: '施行令12条3項' },
  highRisk: { label: '厳格な取引時確認（理由、追加の書類、統括管理者の承認）', short: '厳格な確認', article: '犯収法4条2項、施行規則14条、同20条1項28号（資産及び収入の状況の確認：同25号）' },
  linkBasis: { label: '取引時確認済みの顧客であることの確認', short: '確認済みの確認', article: '犯収法4条3項、施行規則16条' },
} as const satisfies Record<RecordItem, { label: string; short: string; article: string | null }>

/**
 * The record: the items above, each described in the OpenAPI document by its Japanese name and
 * where the law asks for it.
 */
export const verificationRecord = z.object(
  Object.fromEntries(
    Object.entries(recordShape as Record<string, z.ZodMiniType>).map(([key, schema]) => {
      const item = (RECORD_ITEM_LABELS as Record<string, { label: string; article: string | null }>)[key]
      return [key, item ? schema.check(z.describe(item.article ? `${item.label}（${item.article}）` : item.label)) : schema]
    }),
  ) as typeof recordShape,
)
export type VerificationRecord = z.infer<typeof verificationRecord>

/** The sub-items' names, for the CSV's 項目 (an item's label, then these after a colon). */
export const RECORD_FIELD_LABELS = {
  vendor: 'eKYC事業者と審査の参照番号',
  person: '担当者',
  decidedAt: '確認を行った日時',
  actorType: '判定を行った者の種別',
  system: '作成者',
  subject: '確認の対象',
  provider: 'eKYC事業者',
  lawful: '犯収法に基づく確認',
  note: '注記',
  receivedAt: '本人確認用画像情報等の送信を受けた日時',
  method: '本人特定事項の確認を行った方法',
  methodCode: '方法のコード',
  methodArticle: '方法の根拠',
  ruleVersion: 'その日に適用された規則',
  lawfulThatDay: 'その日に法令で認められた方法',
  documentName: '本人確認書類の名称',
  documentNumber: '本人確認書類の記号番号',
  expiresOn: '本人確認書類の有効期限',
  issuer: '本人確認書類の発行者',
  read: '本人確認書類から読み取った事項',
  external: 'kakunin外で行った確認',
  kind: '取引の種類',
  date: '取引の日付',
  name: '氏名',
  nameKana: 'フリガナ',
  birthDate: '生年月日',
  address: '住居',
  relationship: '顧客等との関係',
  verification: '代理人の本人特定事項の確認',
  ground: '代理人が取引の任に当たっていると認めた理由',
  groundDecidedAt: '理由を確認した日時',
  groundDecidedBy: '理由を確認した者',
  groundDocument: '確認した書類（SHA-256）',
  groundCall: '確認の電話（番号、日時）',
  evidence: '代理人に関する提出書類',
  aliasName: '名義',
  aliasKind: '名義の種類',
  aliasReason: '異なる名義を用いる理由',
  grounds: '厳格な確認を行う理由',
  documents: '追加の本人確認書類・資産及び収入の状況を確認した書類',
  approvedBy: '承認した統括管理者',
  approvedAt: '承認日時',
  reason: '承認の理由',
  reliedOnReference: '依拠したお申し込みの受付番号',
  rootReference: '最初の取引時確認のお申し込みの受付番号',
  rootVerification: '最初の取引時確認',
  ownerSentTo: '確認を依頼したメールアドレス',
  ownerConfirmedAt: '確認を受けた日時',
} as const

// ---------------------------------------------------------------------------------------------
// What the staff export returns: the record (as frozen, once approved), the 付記, and what keeps growing.

/**
 * A record frozen before this version (recordVersion 1): exported exactly as it was stored. Its
 * known items are typed; it is never rewritten into the newer shape (the digest is over it).
 */
export const legacyVerificationRecord = z.looseObject({
  reference: z.string(),
  status: z.string(),
  verifiedBy: z.optional(z.nullable(z.looseObject({ actorType: z.string(), actorId: z.nullable(z.string()), at: z.string() }))),
  recordCreatedBy: z.optional(z.string()),
  documentReceivedAt: z.optional(z.nullable(z.string())),
  transactionDate: z.optional(z.nullable(z.string())),
  transactionKind: z.optional(z.string()),
  verificationMethod: z.optional(z.nullable(z.string())),
  verificationMethodLabel: z.optional(z.nullable(z.string())),
  documentType: z.optional(z.nullable(z.string())),
  lawfulVerification: z.optional(z.nullable(z.boolean())),
  verificationNote: z.optional(z.nullable(z.string())),
  customer: z.optional(z.nullable(z.looseObject({ name: z.string(), nameKana: z.string(), birthDate: z.string(), address: z.string() }))),
  alias: z.optional(z.nullable(z.looseObject({ name: z.string(), kind: z.nullable(z.string()), reason: z.nullable(z.string()) }))),
  agent: z.optional(z.nullable(z.looseObject({ name: z.string(), relationship: z.nullable(z.string()) }))),
  purposes: z.optional(z.array(z.string())),
  occupation: z.optional(z.nullable(z.string())),
  foreignPep: z.optional(z.nullable(z.string())),
  accountSid: z.optional(z.nullable(z.string())),
})
export type LegacyVerificationRecord = z.infer<typeof legacyVerificationRecord>

export const recordNote = z.object({ at: japanTime, text: z.string(), by: recordPerson })

export const recordHistoryEntry = z.object({
  at: japanTime,
  type: z.enum(EVENT_TYPES as [string, ...string[]]),
  actor: z.string(),
  from: z.nullable(z.enum(APPLICATION_STATUSES)),
  to: z.nullable(z.enum(APPLICATION_STATUSES)),
})

export const recordEmail = z.object({ at: japanTime, template: z.string(), to: z.string(), status: z.enum(['PENDING', 'SENT', 'FAILED']), sentAt: z.nullable(japanTime) })

/** GET /api/staff/applications/:id/record */
export const verificationRecordExport = z.object({
  applicationId: z.uuid(),
  reference: z.string(),
  /** What the application is now (the record's `status` is the one it was made with). */
  currentStatus: z.enum(APPLICATION_STATUSES),
  recordVersion: z.int(),
  /** Once approved, the record frozen then, exactly as stored; before that, as it stands. */
  record: z.union([verificationRecord, legacyVerificationRecord]),
  /** null before approval (or after a denial): the record is not frozen yet. */
  frozen: z.nullable(z.object({ recordId: z.uuid(), at: japanTime, digest: z.string(), notes: z.array(recordNote) })),
  /** Kept growing after the decision, so never frozen. */
  history: z.array(recordHistoryEntry),
  emails: z.array(recordEmail),
})
export type VerificationRecordExport = z.infer<typeof verificationRecordExport>

/** One line of the period export (JSON Lines). */
export const frozenRecordLine = z.object({
  recordId: z.uuid(),
  applicationId: z.uuid(),
  frozenAt: japanTime,
  digest: z.string(),
  recordVersion: z.int(),
  notes: z.array(recordNote),
  record: z.union([verificationRecord, legacyVerificationRecord]),
})
export type FrozenRecordLine = z.infer<typeof frozenRecordLine>
