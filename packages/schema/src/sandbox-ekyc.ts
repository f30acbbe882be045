import { birthDate } from './birth-date.ts'
import { isIndividualNumber } from './individual-number.ts'
import { optionalText, requiredText } from './text.ts'
import { z } from './zod.ts'

// The built-in sandbox eKYC provider's phone pages: it plays the vendor's app.

export const DOCUMENT_TYPES = [
  'drivers_license',
  'my_number_card',
  'residence_card',
  'special_permanent_resident_certificate',
  'driving_history_certificate',
  'passport',
] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  drivers_license: '運転免許証',
  my_number_card: 'マイナンバーカード',
  residence_card: '在留カード',
  special_permanent_resident_certificate: '特別永住者証明書',
  driving_history_certificate: '運転経歴証明書',
  passport: 'パスポート（住所の記載があるもの）',
}

/** Documents whose back carries part of the 本人特定事項 (address changes are written there). */
export const DOCUMENTS_WITH_BACK: readonly DocumentType[] = [
  'drivers_license',
  'my_number_card',
  'residence_card',
  'special_permanent_resident_certificate',
  'driving_history_certificate',
]

export const SANDBOX_METHODS = ['ho', 'ic_chip'] as const
export type SandboxMethod = (typeof SANDBOX_METHODS)[number]

export const SANDBOX_METHOD_LABELS: Record<SandboxMethod, string> = {
  ho: '本人確認書類と顔写真を撮影する',
  ic_chip: '本人確認書類のICチップを読み取り、顔写真を撮影する',
}

export const UPLOAD_KINDS = ['front', 'back', 'selfie'] as const
export type UploadKind = (typeof UPLOAD_KINDS)[number]
export const UPLOAD_KIND_LABELS: Record<UploadKind, string> = { front: '表面', back: '裏面', selfie: '顔写真' }

/** Which images a method and document need. The IC chip carries the document's own data. */
export function requiredUploads(method: SandboxMethod, documentType: DocumentType): UploadKind[] {
  if (method === 'ic_chip') return ['selfie']
  return DOCUMENTS_WITH_BACK.includes(documentType) ? ['front', 'back', 'selfie'] : ['front', 'selfie']
}

export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/webp'] as const

export const sandboxSessionView = z.object({
  status: z.enum(['PENDING', 'STARTED', 'SUBMITTED', 'REVIEWED', 'EXPIRED']),
  expiresAt: z.iso.datetime(),
  methods: z.array(z.enum(SANDBOX_METHODS)),
  method: z.nullable(z.enum(SANDBOX_METHODS)),
  documentType: z.nullable(z.enum(DOCUMENT_TYPES)),
  uploaded: z.array(z.enum(UPLOAD_KINDS)),
})
export type SandboxSessionView = z.infer<typeof sandboxSessionView>

export const sandboxStartBody = z.strictObject({
  method: z.enum(SANDBOX_METHODS, '確認方法を選択してください'),
  documentType: z.enum(DOCUMENT_TYPES, '本人確認書類の種類を選択してください'),
})

/**
 * The details printed on the document, as the phone reads (here: types) them. The 記号番号, expiry
 * and issuer go into the 確認記録 (施行規則20条1項). A 個人番号 is never taken: a 12-digit number
 * is refused (a マイナンバーカード's record says that its number was not taken).
 */
export const sandboxDetailsBody = z.strictObject({
  familyName: requiredText(50, '姓を入力してください'),
  givenName: requiredText(50, '名を入力してください'),
  birthDate,
  address: requiredText(200, '住所を入力してください'),
  documentNumber: z.optional(optionalText(30).check(z.overwrite((value) => value.replace(/[\s-]/g, '')))),
  // NFKC first: a date typed with full-width digits is the same date.
  expiresOn: z.optional(optionalText(10).check(z.refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), '有効期限は YYYY-MM-DD の形で、実在する日付を入力してください'))),
  issuer: z.optional(optionalText(100)),
})
export type SandboxDetails = z.infer<typeof sandboxDetailsBody>

/** A マイナンバーカード's number is its 個人番号, which is never taken (番号法): no number is asked for it. */
export const DOCUMENTS_WITHOUT_NUMBER: readonly DocumentType[] = ['my_number_card']

/** Documents whose 記号番号 is 12 digits ending in the reissue count, which a check digit cannot tell from a 個人番号. */
const TWELVE_DIGIT_DOCUMENTS: readonly DocumentType[] = ['drivers_license', 'driving_history_certificate']

/**
 * Why a document's number cannot be kept, or null (番号法: a 個人番号 is never taken). A
 * マイナンバーカード's only number is its 個人番号; on other documents one is recognised by its check
 * digit, except on a licence, whose own 12 digits would often pass.
 */
export function documentNumberIssue(documentType: DocumentType, number: string | undefined): string | null {
  if (!number) return null
  if (DOCUMENTS_WITHOUT_NUMBER.includes(documentType)) return 'マイナンバーカードの番号（個人番号）は入力しないでください'
  if (TWELVE_DIGIT_DOCUMENTS.includes(documentType)) return null
  return isIndividualNumber(number) ? '個人番号（マイナンバー）は入力しないでください' : null
}

/** The details body with the rule of the document being read. */
export const sandboxDetailsBodyFor = (documentType: DocumentType) =>
  sandboxDetailsBody.check(
    z.superRefine((value, ctx) => {
      const issue = documentNumberIssue(documentType, value.documentNumber)
      if (issue) ctx.issues.push({ code: 'custom', path: ['documentNumber'], input: value.documentNumber, message: issue })
    }),
  )
