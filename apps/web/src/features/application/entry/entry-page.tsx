import { Link, Redirect } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { Loading } from '#src/components/feedback/loading.tsx'
import { useCurrentApplication } from '#src/features/application/api/get-current-application.ts'
import { CONFIRM_PATH, resumePath } from '#src/features/application/apply-paths.ts'
import { EntryQuestion } from './entry-question.tsx'

/**
 * `/`: an application in this browser's session continues where it stopped (to fill in, verify,
 * correct, or wait for); once approved, the entry question starts another one. So it does for a
 * link (2回目以降) the owner did not confirm: its denial tells the applicant to correct it, or to
 * choose 持っていない here and apply the first-time way.
 */
export function EntryPage() {
  const current = useCurrentApplication()
  if (current.isPending) return <Loading />
  const application = current.data
  if (application && application.status === 'DENIED' && application.flow === 'LINK_VERIFIED') {
    return <EntryQuestion notice={<UnlinkedNotice application={application} />} />
  }
  if (application && application.status !== 'APPROVED') return <Redirect to={resumePath(application)} replace />
  return <EntryQuestion />
}

function UnlinkedNotice({ application }: { application: ApplicantApplication }) {
  return (
    <div className="notice">
      <p>
        紐付けのお申し込み（受付番号 {application.reference}
        ）は承認されませんでした。初めての方の手続き（本人確認書類による確認）でお申し込みになる場合は、「持っていない」を選択してください。
      </p>
      <p>
        <Link href={CONFIRM_PATH}>紐付けのお申し込みの内容を修正する</Link>
      </p>
    </div>
  )
}
