import { ACCOUNT_SID_MESSAGE, ACCOUNT_SID_PATTERN, foldAccountSid } from './account-sid.ts'
import { email, multilineText, requiredText } from './text.ts'
import { z } from './zod.ts'

/** お問い合わせの種類, as the article's form offers them. */
export const INQUIRY_KINDS = ['KYC', 'ACCOUNT', 'BILLING', 'OTHER'] as const
export type InquiryKind = (typeof INQUIRY_KINDS)[number]
export const INQUIRY_KIND_LABELS: Record<InquiryKind, string> = {
  KYC: '取引時確認',
  ACCOUNT: 'アカウント',
  BILLING: '請求',
  OTHER: 'その他',
}

/** Account SID ※任意: empty, or a valid SID (folded like the form's). */
const optionalAccountSid = z.string().check(
  z.overwrite(foldAccountSid),
  z.refine((value) => value === '' || ACCOUNT_SID_PATTERN.test(value), ACCOUNT_SID_MESSAGE),
)

/** The longest inquiry text: the form says so and stops there. */
export const INQUIRY_CONTENT_MAX = 2000

export const inquiryBody = z.strictObject({
  kind: z.enum(INQUIRY_KINDS, 'お問い合わせの種類を選択してください'),
  name: requiredText(100, '氏名を入力してください'),
  email,
  accountSid: z._default(optionalAccountSid, ''),
  content: multilineText(INQUIRY_CONTENT_MAX, 'お問い合わせ内容を入力してください'),
  /** Opened from an application's page: attach this browser's application. */
  attachApplication: z._default(z.boolean(), false),
})
export type InquiryBody = z.infer<typeof inquiryBody>

export const inquiryReceipt = z.object({ reference: z.string(), message: z.string() })

export const INQUIRY_STATUSES = ['OPEN', 'ANSWERED'] as const
