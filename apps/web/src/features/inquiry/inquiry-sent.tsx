import { Link } from 'wouter'
import { INQUIRY_KIND_LABELS, type InquiryBody } from '@kakunin/schema/inquiry'
import { MailNotArriving } from '#src/components/help/mail-not-arriving.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import type { InquiryReceipt } from './api/send-inquiry.ts'

/** The inquiry was stored: its お問い合わせ番号, the acknowledgement email, and what was sent. */
export function InquirySent({
  receipt,
  body,
  attachedReference,
}: {
  receipt: InquiryReceipt
  body: InquiryBody
  attachedReference: string | undefined
}) {
  return (
    <>
      <PageHeading title="お問い合わせを受け付けました">お問い合わせを受け付けました</PageHeading>
      <div className="panel">
        <p>お問い合わせ番号</p>
        <p className="reference" data-testid="inquiry-reference">
          {receipt.reference}
        </p>
      </div>
      <p>
        ご入力のメールアドレス（{body.email}）に、受付確認のメールをお送りしました。担当者より順次ご連絡いたします。ご連絡の際は、このお問い合わせ番号をお知らせください。
      </p>
      {attachedReference && <p>お申し込みの受付番号（{attachedReference}）を添えてお送りしました。</p>}
      <h2>お問い合わせの内容</h2>
      <dl className="answer-list">
        <div className="answer-row">
          <dt>お問い合わせの種類</dt>
          <dd>{INQUIRY_KIND_LABELS[body.kind]}</dd>
        </div>
        <div className="answer-row">
          <dt>お問い合わせ内容</dt>
          <dd className="inquiry-content">{body.content}</dd>
        </div>
      </dl>
      <MailNotArriving />
      <p>
        <Link href="/">{attachedReference ? 'お申し込みの画面に戻る' : '最初のページへ戻る'}</Link>
      </p>
    </>
  )
}
