import { useEffect, useRef } from 'react'
import { Link, useParams } from 'wouter'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { ApiRequestError } from '#src/lib/api-client.ts'
import { INQUIRY_PATH } from '#src/lib/support-paths.ts'
import { useAnswerOwnerConfirmation, type OwnerAnswer } from './api/answer-owner-confirmation.ts'
import { InvalidConfirmationLink } from './invalid-confirmation-link.tsx'

/**
 * `/link-confirm/:token`, emailed to the owner of an already-verified account when someone asks to
 * link a new Account SID to it (2回目以降, 犯収法4条3項). Nothing happens on opening it (mail
 * scanners open links too): one of the two buttons answers, once.
 */
export function OwnerConfirmationPage() {
  const { token = '' } = useParams<{ token: string }>()
  const answer = useAnswerOwnerConfirmation()
  const outcome = useRef<HTMLDivElement>(null)
  const answered = answer.data?.answer

  // The buttons go once answered: the keyboard goes to what came of it.
  useEffect(() => {
    if (answered) outcome.current?.focus()
  }, [answered])

  const error = answer.error
  // Every refusal of a link (unknown, used, expired) is the same 404: one neutral page.
  if (error instanceof ApiRequestError && error.status === 404) return <InvalidConfirmationLink message={error.message} />

  const onAnswer = (value: OwnerAnswer) => answer.mutate({ token, answer: value })

  return (
    <>
      <PageHeading title="Account SIDの紐付けの確認">Account SIDの紐付けの確認</PageHeading>
      <p>
        あなたの取引時確認済みのAccount SIDに、新しいAccount SIDを紐付けるお申し込みがありました。新しいAccount SIDと、お申し込みに使われたメールアドレスは、このページのリンクが記載されたメールに書かれています。
      </p>
      {!answered && (
        <>
          <p>メールの内容をご確認のうえ、どちらかのボタンを押してください。このリンクは1回のみ使用できます。</p>
          <ul>
            <li>
              ご本人のお申し込みであれば「私の申し込みです（紐付けを承認する）」を押してください。新しいAccount
              SIDは、あなたのアカウントと同じお客様のものとして、取引時確認済みになります。
            </li>
            <li>お心当たりがない場合は「私の申し込みではありません」を押してください。紐付けは行われず、お申し込みは承認されません。</li>
          </ul>
          {error && (
            <div className="notice notice-error" role="alert">
              <p>{error.message}</p>
            </div>
          )}
          <div className="actions">
            <button type="button" className="button" onClick={() => onAnswer('CONFIRM')} disabled={answer.isPending}>
              私の申し込みです（紐付けを承認する）
            </button>
            <button type="button" className="button button-secondary" onClick={() => onAnswer('DECLINE')} disabled={answer.isPending}>
              私の申し込みではありません
            </button>
          </div>
        </>
      )}
      {/* Always on the page, so the outcome is announced when it appears. */}
      <div role="status" className="owner-answer">
        {answered && (
          <div ref={outcome} tabIndex={-1} className="notice">
            {answered === 'CONFIRM' ? (
              <>
                <p>
                  <strong>ご確認ありがとうございました。新しいAccount SIDを、取引時確認済みのAccount SIDに紐付けました。</strong>
                </p>
                <p>お申し込みの方には、紐付けが完了したことをメールでお知らせします。</p>
              </>
            ) : (
              <>
                <p>
                  <strong>ご回答ありがとうございました。新しいAccount SIDは紐付けず、お申し込みは承認されませんでした。</strong>
                </p>
                <p>
                  お心当たりのないお申し込みについてご不明点がある場合は、<Link href={INQUIRY_PATH}>お問い合わせ</Link>からお寄せください。
                </p>
              </>
            )}
          </div>
        )}
      </div>
    </>
  )
}
