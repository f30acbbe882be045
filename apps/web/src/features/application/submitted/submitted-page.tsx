import type { ApplicantApplication } from '@kakunin/schema/application'
import { PageHeading } from '../../../components/layout/page-heading.tsx'
import { ApplicationGate } from '../application-gate.tsx'

/** After submitting: the 受付番号, and what comes next. */
export function SubmittedPage() {
  return <ApplicationGate status="submitted">{(application) => <Submitted application={application} />}</ApplicationGate>
}

function Submitted({ application }: { application: ApplicantApplication }) {
  return (
    <>
      <PageHeading title="お申し込みを受け付けました">お申し込みを受け付けました</PageHeading>
      <div className="panel">
        <p>受付番号</p>
        <p className="reference" data-testid="reference">
          {application.reference}
        </p>
      </div>
      <p>お問い合わせの際は、この受付番号をお知らせください。</p>
      <h2>次は本人確認です</h2>
      <p>
        取引時確認を完了するには、続けて本人確認書類による本人確認（本人確認画像のアップロード）を行っていただく必要があります。本人確認が完了するまで、取引時確認は完了しません。
      </p>
    </>
  )
}
