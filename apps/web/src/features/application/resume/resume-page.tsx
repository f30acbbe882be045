import { useLocation, useParams } from 'wouter'
import type { ResumeLinkPreview } from '@kakunin/schema/resume-link'
import { Loading } from '#src/components/feedback/loading.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { ApiRequestError } from '#src/lib/api-client.ts'
import { useResumeLinkPreview } from '#src/features/application/api/preview-resume-link.ts'
import { useRedeemResumeToken } from '#src/features/application/api/redeem-resume-token.ts'
import { resumePath } from '#src/features/application/apply-paths.ts'
import { LoadError } from '#src/features/application/load-error.tsx'
import { InvalidLink } from './invalid-link.tsx'
import { RESUME_STATUS_WORDING } from './resume-status-wording.ts'

/**
 * `/resume/:token`, the emailed link. Opening it only shows whose application it continues (mail
 * scanners open links too, and a link someone else sent should be recognisable before it takes
 * over this browser); この申し込みを続ける uses the single-use token and lands where the
 * application continues.
 */
export function ResumePage() {
  const { token = '' } = useParams<{ token: string }>()
  const preview = useResumeLinkPreview(token)
  const redeem = useRedeemResumeToken()

  // Every refusal of a link (unknown, used, expired) is the same 404: one neutral page.
  const refusal = [preview.error, redeem.error].find((error) => error instanceof ApiRequestError && error.status === 404)
  if (refusal) return <InvalidLink token={token} message={refusal.message} />
  if (preview.isPending) return <Loading />
  if (preview.isError) return <LoadError message={preview.error.message} onRetry={() => void preview.refetch()} />
  return <Preview token={token} preview={preview.data} redeem={redeem} />
}

function Preview({ token, preview, redeem }: { token: string; preview: ResumeLinkPreview; redeem: ReturnType<typeof useRedeemResumeToken> }) {
  const [, navigate] = useLocation()
  function onContinue() {
    redeem.mutate(token, {
      // Replace: the used link should not stay in the history, one Back away.
      onSuccess: (application) => navigate(application ? resumePath(application) : '/', { replace: true }),
    })
  }
  return (
    <>
      <PageHeading title="お申し込みの続き">お申し込みの続き</PageHeading>
      <p>このリンクから、次のお申し込みの続きを入力できます。ご自身のお申し込みであることをご確認ください。</p>
      <dl className="answer-list">
        <div className="answer-row">
          <dt>受付番号</dt>
          <dd data-testid="resume-reference">{preview.reference}</dd>
        </div>
        {preview.sentTo && (
          <div className="answer-row">
            <dt>Twilioコンソールログイン用メールアドレス</dt>
            <dd>{preview.sentTo}</dd>
          </div>
        )}
        <div className="answer-row">
          <dt>お申し込みの状況</dt>
          <dd>{RESUME_STATUS_WORDING[preview.status]}</dd>
        </div>
      </dl>
      <p>
        お心当たりのないお申し込みの場合は、続けずにこのページを閉じてください。ほかの方のお申し込みを続けると、入力した内容がその方に伝わるおそれがあります。
      </p>
      <p>
        「この申し込みを続ける」を押すと、このブラウザでお申し込みを続けられるようになります。ほかのブラウザで開いていたこのお申し込みの画面は、使えなくなります。このリンクは1回のみ使用できます。
      </p>
      {redeem.error && (
        <div className="notice notice-error" role="alert">
          <p>{redeem.error.message}</p>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onContinue} disabled={redeem.isPending || redeem.isSuccess}>
          この申し込みを続ける
        </button>
      </div>
    </>
  )
}
