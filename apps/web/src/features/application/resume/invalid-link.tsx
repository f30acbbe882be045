import { Link } from 'wouter'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { useRenewResumeLink } from '#src/features/application/api/renew-resume-link.ts'

/**
 * A link that did not work, whatever the reason (the API does not say, and neither does this
 * page): offer a fresh one, sent to the address the application has, if there is one.
 */
export function InvalidLink({ token, message }: { token: string; message: string }) {
  const renew = useRenewResumeLink()
  return (
    <>
      <PageHeading title="このリンクはご利用いただけません">このリンクはご利用いただけません</PageHeading>
      <p>{message}</p>
      <p>「新しいリンクを送る」を押すと、お申し込みのTwilioコンソールログイン用メールアドレスに、新しいリンクをお送りします。</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => renew.mutate(token)} disabled={renew.isPending || renew.isSuccess}>
          新しいリンクを送る
        </button>
      </div>
      <div role="status">{renew.data && <p className="notice">{renew.data.message}</p>}</div>
      {renew.error && (
        <div className="notice notice-error" role="alert">
          <p>{renew.error.message}</p>
        </div>
      )}
      <p>
        <Link href="/">最初のページへ戻る</Link>
      </p>
    </>
  )
}
