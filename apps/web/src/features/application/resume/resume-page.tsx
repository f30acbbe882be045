import { useLocation, useParams } from 'wouter'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { ApiRequestError } from '#src/lib/api-client.ts'
import { useRedeemResumeToken } from '#src/features/application/api/redeem-resume-token.ts'
import { resumePath } from '#src/features/application/apply-paths.ts'
import { InvalidLink } from './invalid-link.tsx'

/**
 * `/resume/:token`, the emailed link. Nothing happens on opening it (mail scanners open links too);
 * 続きから入力する uses the single-use token and lands where the application continues.
 */
export function ResumePage() {
  const { token = '' } = useParams<{ token: string }>()
  const [, navigate] = useLocation()
  const redeem = useRedeemResumeToken()

  function onContinue() {
    redeem.mutate(token, {
      // Replace: the used link should not stay in the history, one Back away.
      onSuccess: (application) => navigate(application ? resumePath(application) : '/', { replace: true }),
    })
  }

  const error = redeem.error
  // Every refusal of a link (unknown, used, expired) is the same 404: one neutral page.
  if (error instanceof ApiRequestError && error.status === 404) return <InvalidLink token={token} message={error.message} />

  return (
    <>
      <PageHeading title="お申し込みの続き">お申し込みの続き</PageHeading>
      <p>保存されたお申し込みの続きから、取引時確認情報の登録を再開できます。</p>
      <p>「続きから入力する」を押すと、このブラウザでお申し込みを続けられるようになります。このリンクは1回のみ使用できます。</p>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onContinue} disabled={redeem.isPending || redeem.isSuccess}>
          続きから入力する
        </button>
      </div>
    </>
  )
}
