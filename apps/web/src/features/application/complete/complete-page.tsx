import { useQuery } from '@tanstack/react-query'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { MailNotArriving } from '../../../components/help/mail-not-arriving.tsx'
import { SupportLinks } from '../../../components/help/support-links.tsx'
import { PageHeading } from '../../../components/layout/page-heading.tsx'
import { currentApplicationQueryOptions } from '../api/get-current-application.ts'
import { ApplicationGate } from '../application-gate.tsx'

const COMPLETE_STATUSES = ['IN_REVIEW', 'APPROVED'] as const

/** How often the screen asks whether the review has decided (a denial leads to the correction). */
const REVIEW_POLL_MS = 3000

/** お申し込み完了: the 受付番号, what happens next, and what to do when no email arrives. */
export function CompletePage() {
  return (
    <ApplicationGate statuses={COMPLETE_STATUSES}>
      {(application) => (application.flow === 'LINK_VERIFIED' ? <Linked application={application} /> : <Complete application={application} />)}
    </ApplicationGate>
  )
}

function Complete({ application }: { application: ApplicantApplication }) {
  // While the review runs, the verdict is followed here too: a denial takes the gate to the
  // confirmation screen, where the form is corrected.
  useQuery({
    ...currentApplicationQueryOptions(),
    refetchInterval: (query) => (query.state.data?.status === 'IN_REVIEW' ? REVIEW_POLL_MS : false),
    refetchIntervalInBackground: true,
  })
  const approved = application.status === 'APPROVED'
  return (
    <>
      <PageHeading title="お申し込み完了">お申し込み完了</PageHeading>
      <p>取引時確認情報のお申し込みと、スマートフォンでの本人確認を受け付けました。</p>
      <Reference application={application} />
      <div role="status" className="review-status">
        {approved ? (
          <p className="notice">審査が完了し、お申し込みは承認されました。取引時確認は完了です。</p>
        ) : (
          <p className="notice">ただいま、ご提出いただいた本人確認書類とお申し込みの内容を確認しています。</p>
        )}
      </div>
      <h2>今後の流れ</h2>
      <p>審査の結果はメールでお知らせします。Twilioコンソールログイン用メールアドレスをご確認ください。</p>
      <p>
        否認となった場合は、メールに記載のリンクから入力内容を修正して、もう一度お申し込みいただけます。フォームには、本人確認書類と同じ内容（字体を含む）をご記入ください。
      </p>
      <Help />
    </>
  )
}

/** 2回目以降: approved as it was sent, on the strength of the Account SID verified before. */
function Linked({ application }: { application: ApplicantApplication }) {
  const login = application.answers.login
  return (
    <>
      <PageHeading title="お申し込み完了">お申し込み完了</PageHeading>
      <div role="status">
        <p className="notice">
          新しいAccount SID（{login?.accountSid}）を、取引時確認済みのAccount SID（{login?.verifiedAccountSid}
          ）に紐付けました。新しいAccount SIDの取引時確認は完了です。
        </p>
      </div>
      <Reference application={application} />
      <p>紐付けが完了したことを、Twilioコンソールログイン用メールアドレス（{login?.loginEmail}）宛てのメールでもお知らせしました。</p>
      <Help />
    </>
  )
}

function Reference({ application }: { application: ApplicantApplication }) {
  return (
    <>
      <div className="panel">
        <p>受付番号</p>
        <p className="reference" data-testid="reference">
          {application.reference}
        </p>
      </div>
      <p>お問い合わせの際は、この受付番号をお知らせください。</p>
    </>
  )
}

/** メールが届かない場合, then where to turn with a problem. */
function Help() {
  return (
    <>
      <MailNotArriving />
      <h2>お困りの場合</h2>
      <SupportLinks />
    </>
  )
}
