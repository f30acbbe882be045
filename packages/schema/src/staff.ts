import { isIndividualNumber } from './individual-number.ts'
import { japanDate } from './japan-time.ts'
import { accountSid } from './account-sid.ts'
import { APPLICATION_STATUSES, version } from './application.ts'
import { APPLICATION_FLOWS } from './application-flow.ts'
import { draftAnswers } from './form/application-form.ts'
import { optionalText, queryText, requiredText } from './text.ts'
import { VERIFICATION_STATUSES, VERIFICATION_SUBJECTS } from './verification.ts'
import { AGENT_EVIDENCE_KINDS } from './agent-ground.ts'
import { applicationEvent } from './events.ts'
import { REVIEW_DOCUMENT_KINDS } from './high-risk.ts'
import { VERIFICATION_METHODS } from './verification-method.ts'
import { z } from './zod.ts'

// The support staff's REST API (/api/staff). Responses declare every field they may carry.

/**
 * VIEWER reads; REVIEWER decides ordinary applications; COMPLIANCE (the 統括管理者) also decides
 * high-risk ones (犯収法施行規則32条); ADMIN manages keys and may do what a reviewer does, but not
 * what only the 統括管理者 may.
 */
export const STAFF_ROLES = ['VIEWER', 'REVIEWER', 'COMPLIANCE', 'ADMIN'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Why staff deny: the applicant's email explains each in Japanese. */
export const DENIAL_REASON_CODES = [
  'ID_MISMATCH_NAME',
  'ID_MISMATCH_BIRTHDATE',
  'ID_MISMATCH_ADDRESS',
  'ID_UNREADABLE',
  'ID_EXPIRED',
  'NOT_ORIGINAL',
  'AGENT_ID_MISMATCH',
  'AGENT_AUTHORITY_NOT_CONFIRMED',
  'OTHER',
] as const
export type DenialReasonCode = (typeof DENIAL_REASON_CODES)[number]

export const DENIAL_REASON_LABELS: Record<DenialReasonCode, string> = {
  ID_MISMATCH_NAME: '氏名が本人確認書類の記載と一致しません。',
  ID_MISMATCH_BIRTHDATE: '生年月日が本人確認書類の記載と一致しません。',
  ID_MISMATCH_ADDRESS: '住所が本人確認書類の記載と一致しません。',
  ID_UNREADABLE: '本人確認書類の画像が読み取れませんでした。',
  ID_EXPIRED: '本人確認書類の有効期限が切れています。',
  NOT_ORIGINAL: '本人確認書類の原本を撮影してください（コピーや画面の撮影は使用できません）。',
  AGENT_ID_MISMATCH: '代理人の氏名・生年月日・住所が、代理人の本人確認書類の記載と一致しません。',
  AGENT_AUTHORITY_NOT_CONFIRMED: '代理人が利用者のために手続きを行っていることを確認できませんでした。利用者が作成した委任状（法定代理人の場合は、そのことがわかる書類）を提出してください。',
  OTHER: 'その他の理由により承認できませんでした。',
}

const dateOnly = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD の形式で指定してください'))

export const staffApplicationQuery = z.strictObject({
  status: z.optional(z.enum(APPLICATION_STATUSES)),
  flow: z.optional(z.enum(APPLICATION_FLOWS)),
  /** Matches the new or the already-verified Account SID. */
  accountSid: z.optional(accountSid),
  /** The login or the contact address, exactly (case-insensitive). */
  email: z.optional(queryText(254).check(z.trim(), z.minLength(3))),
  /** Part of the name, in kanji or kana; spaces are ignored. */
  name: z.optional(queryText(50).check(z.normalize('NFKC'), z.trim(), z.minLength(1))),
  reference: z.optional(queryText(30).check(z.trim(), z.minLength(1))),
  /** Dates in Japan time, inclusive. */
  createdFrom: z.optional(dateOnly),
  createdTo: z.optional(dateOnly),
  submittedFrom: z.optional(dateOnly),
  submittedTo: z.optional(dateOnly),
  cursor: z.optional(queryText(200)),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
})
export type StaffApplicationQuery = z.infer<typeof staffApplicationQuery>

const timestamp = z.iso.datetime()

export const staffApplicationListItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  flow: z.enum(APPLICATION_FLOWS),
  status: z.enum(APPLICATION_STATUSES),
  accountSid: z.nullable(z.string()),
  verifiedAccountSid: z.nullable(z.string()),
  fullName: z.nullable(z.string()),
  fullNameKana: z.nullable(z.string()),
  loginEmail: z.nullable(z.string()),
  createdAt: timestamp,
  submittedAt: z.nullable(timestamp),
  updatedAt: timestamp,
})

export const staffApplicationList = z.object({
  items: z.array(staffApplicationListItem),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.nullable(z.string()),
})

const jsonObject = z.record(z.string(), z.unknown())

export const staffApplicationDetail = z.object({
  id: z.uuid(),
  reference: z.string(),
  flow: z.enum(APPLICATION_FLOWS),
  status: z.enum(APPLICATION_STATUSES),
  version: z.int(),
  answers: draftAnswers,
  createdAt: timestamp,
  updatedAt: timestamp,
  submittedAt: z.nullable(timestamp),
  verifications: z.array(
    z.object({
      id: z.uuid(),
      provider: z.string(),
      providerReference: z.string(),
      /** Whose verification: the customer's or their 代理人's. */
      subject: z.enum(VERIFICATION_SUBJECTS),
      method: z.nullable(z.string()),
      documentType: z.nullable(z.string()),
      status: z.enum(VERIFICATION_STATUSES),
      createdAt: timestamp,
      startedAt: z.nullable(timestamp),
      submittedAt: z.nullable(timestamp),
      decidedAt: z.nullable(timestamp),
      result: z.nullable(jsonObject),
    }),
  ),
  emails: z.array(
    z.object({
      id: z.uuid(),
      template: z.string(),
      to: z.string(),
      subject: z.string(),
      status: z.enum(['PENDING', 'SENT', 'FAILED']),
      attempts: z.int(),
      deliveredTo: z.nullable(z.string()),
      sentAt: z.nullable(timestamp),
      createdAt: timestamp,
    }),
  ),
  reviewDocuments: z.array(
    z.object({ id: z.uuid(), kind: z.enum(REVIEW_DOCUMENT_KINDS), type: z.string(), bytes: z.int(), sha256: z.string(), createdAt: timestamp }),
  ),
  /** The 代理人's evidence (委任状, or what shows a 法定代理人): its fingerprint, never its content. */
  agentEvidence: z.array(
    z.object({ id: z.uuid(), kind: z.enum(AGENT_EVIDENCE_KINDS), type: z.string(), bytes: z.int(), sha256: z.string(), createdAt: timestamp }),
  ),
  events: z.array(applicationEvent),
})

export const staffDecisionBody = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({
      decision: z.literal('APPROVE'),
      version,
      /** Required when a 統括管理者 approves a high-risk (ENHANCED_REVIEW) application: why. */
      reason: z.optional(optionalText(2000)),
      internalNote: z.optional(optionalText(2000)),
    }),
    z.strictObject({
      decision: z.literal('DENY'),
      version,
      reasonCodes: z.array(z.enum(DENIAL_REASON_CODES)).check(z.minLength(1, '否認の理由を1つ以上選択してください')),
      /** Shown to the applicant in the email. */
      noteToApplicant: requiredText(1000, '申込者へのメッセージを入力してください'),
      /** Never shown to the applicant. */
      internalNote: z.optional(optionalText(2000)),
    }),
  ],
  'decision は APPROVE か DENY を指定してください',
)
export type StaffDecisionBody = z.infer<typeof staffDecisionBody>

export const accountSidVerification = z.object({
  accountSid: z.string(),
  verified: z.boolean(),
  since: z.nullable(timestamp),
  reference: z.nullable(z.string()),
  applicationId: z.nullable(z.uuid()),
  flow: z.nullable(z.enum(APPLICATION_FLOWS)),
})

/** Who acts with a key: a 確認記録 names the person who verified, not a key. */
export const staffPerson = z.strictObject({
  name: requiredText(100, '担当者の氏名を入力してください'),
  department: requiredText(100, '担当者の所属部署を入力してください'),
})
export type StaffPerson = z.infer<typeof staffPerson>

export const staffKeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  /** null for a key made before keys named a person: it can read, not decide. */
  person: z.nullable(staffPerson),
  prefix: z.string(),
  createdAt: timestamp,
  revokedAt: z.nullable(timestamp),
  lastUsedAt: z.nullable(timestamp),
})

export const createStaffKeyBody = z.strictObject({ name: requiredText(100, '名前を入力してください'), role: z.enum(STAFF_ROLES), person: staffPerson })

/** The only response that ever carries the key itself. */
export const createdStaffKey = z.object({ ...staffKeyView.shape, key: z.string() })

/**
 * A lawful verification done outside kakunin (e.g. at a counter, or by post), recorded by staff as
 * the verification of record. Never a 個人番号: a 12-digit number with its check digit is refused as the document number.
 */
export const externalVerificationBody = z.strictObject({
  method: z.enum(VERIFICATION_METHODS, '確認方法を選択してください'),
  documentName: requiredText(100, '本人確認書類の名称を入力してください'),
  documentNumber: z.string().check(
    z.normalize('NFKC'),
    z.trim(),
    z.minLength(1, '本人確認書類の記号番号を入力してください'),
    z.maxLength(50),
  ),
  verifiedOn: dateOnly,
  verifiedBy: requiredText(100, '確認を行った担当者の氏名を入力してください'),
  /** Whose verification it is: the customer's (the default) or the 代理人's (犯収法4条4項). */
  subject: z.optional(z.enum(VERIFICATION_SUBJECTS, '誰の本人確認か（CUSTOMER または AGENT）を指定してください')),
}).check(
  // A licence's own 12 digits often fit the check digit; any other document's never should.
  z.superRefine((value, ctx) => {
    if (!/運転免許|運転経歴/.test(value.documentName) && isIndividualNumber(value.documentNumber)) {
      ctx.issues.push({ code: 'custom', path: ['documentNumber'], input: value.documentNumber, message: '個人番号（マイナンバー）は記録できません。カードの記号番号以外の番号を入力してください' })
    }
  }),
)
export type ExternalVerificationBody = z.infer<typeof externalVerificationBody>

function isCalendarDate(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value
}

/** A date that exists on the calendar, as YYYY-MM-DD. */
const calendarDate = dateOnly.check(z.refine(isCalendarDate, '実在する日付を指定してください'))

/** The day one year after `from` (YYYY-MM-DD): a period must end before it. */
function yearAfter(from: string): string {
  const day = new Date(`${from}T00:00:00Z`)
  day.setUTCFullYear(day.getUTCFullYear() + 1)
  return day.toISOString().slice(0, 10)
}

/**
 * An audit export: every 確認記録 frozen between two dates in Japan (both included, today by
 * default), at most one year, as JSON Lines or CSV.
 */
export const recordExportQuery = z
  .strictObject({
    // Today in Japan when left out: the day's decisions.
    decidedFrom: z._default(calendarDate, () => japanDate()),
    decidedTo: z._default(calendarDate, () => japanDate()),
    format: z._default(z.enum(['jsonl', 'csv']), 'jsonl'),
  })
  .check(
    z.superRefine((value, ctx) => {
      // The period only once both ends are dates (their own errors are said on them).
      if (!isCalendarDate(value.decidedFrom) || !isCalendarDate(value.decidedTo)) return
      if (value.decidedTo < value.decidedFrom) ctx.issues.push({ code: 'custom', path: ['decidedTo'], input: value.decidedTo, message: '終了日には開始日以降の日付を指定してください' })
      else if (value.decidedTo >= yearAfter(value.decidedFrom)) ctx.issues.push({ code: 'custom', path: ['decidedTo'], input: value.decidedTo, message: '期間は1年以内で指定してください' })
    }),
  )
export type RecordExportQuery = z.infer<typeof recordExportQuery>

/** 付記: a fact added to a frozen 確認記録 (e.g. a correction learnt later), never a rewrite of it. */
export const recordNoteBody = z.strictObject({ text: requiredText(2000, '付記する内容を入力してください') })

/** Staff suspect なりすまし or 偽り: the application is then verified as high-risk. */
export const suspicionBody = z.strictObject({ reason: requiredText(2000, '疑いの理由を入力してください') })

/** The outboxes as an admin sees them: which mails and status webhooks wait, went out or failed. */
export const OUTBOX_KINDS = ['email', 'webhook'] as const
export const OUTBOX_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const

export const staffOutboxQuery = z.strictObject({
  status: z._default(z.enum(OUTBOX_STATUSES, 'status は PENDING、SENT、FAILED のいずれかを指定してください'), 'FAILED'),
  kind: z.optional(z.enum(OUTBOX_KINDS, 'kind は email か webhook を指定してください')),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
})

/** Never the body of a mail or a webhook; the recipient masked (t***@example.com), also inside lastError. */
export const staffOutboxItem = z.object({
  kind: z.enum(OUTBOX_KINDS),
  id: z.uuid(),
  /** The email's template or the webhook's event type. */
  type: z.string(),
  /** The masked address of an email; null for a webhook (it goes to the configured URL). */
  recipient: z.nullable(z.string()),
  applicationId: z.nullable(z.uuid()),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.int(),
  lastError: z.nullable(z.string()),
  createdAt: timestamp,
  nextAttemptAt: timestamp,
  sentAt: z.nullable(timestamp),
  redriveCount: z.int(),
  redrivenAt: z.nullable(timestamp),
  redrivenById: z.nullable(z.uuid()),
})

export const staffOutboxList = z.object({ items: z.array(staffOutboxItem) })

export const staffOutboxParams = z.strictObject({ id: z.uuid('送信待ちの記録が見つかりません') })
