import { useState } from 'react'
import type { InquiryBody } from '@kakunin/schema/inquiry'
import type { InquiryContext } from './inquiry-context.ts'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import type { InquiryReceipt } from './api/send-inquiry.ts'
import { InquiryForm } from './inquiry-form.tsx'
import { InquirySent } from './inquiry-sent.tsx'

export type InquiryPageProps = InquiryContext

/** `/inquiry`: お問い合わせ, then its お問い合わせ番号 on the same page. */
export function InquiryPage(props: InquiryPageProps) {
  const [sent, setSent] = useState<{ receipt: InquiryReceipt; body: InquiryBody }>()
  if (sent) return <InquirySent {...sent} attachedReference={props.attachedReference} />
  return (
    <>
      <PageHeading title="お問い合わせ">お問い合わせ</PageHeading>
      <p>
        取引時確認についてご不明点等ございましたら、お問い合わせの種類を「取引時確認」にご選択いただき、お問い合わせください。担当者より、ご入力のメールアドレスにご連絡いたします。
      </p>
      <InquiryForm {...props} onSent={(receipt, body) => setSent({ receipt, body })} />
    </>
  )
}
