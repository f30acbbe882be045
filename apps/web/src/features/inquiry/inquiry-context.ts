import type { InquiryKind } from '@kakunin/schema/inquiry'

/** Where the お問い合わせ form was opened from: what it starts with. */
export interface InquiryContext {
  /** The kind chosen when the form opens (取引時確認 from an application's page or the help). */
  initialKind?: InquiryKind | undefined
  /** Opened from an application's page, whose session has one: its 受付番号, to be attached. */
  attachedReference?: string | undefined
}
