import { ReferencePanel } from '#src/components/feedback/reference-panel.tsx'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
import { MailNotArriving } from '#src/components/help/mail-not-arriving.tsx'
import { SupportLinks } from '#src/components/help/support-links.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { ApplicationGate } from '#src/features/application/application-gate.tsx'
import { AgentFollowUp, hasAgent } from './agent-follow-up.tsx'
import { EnhancedReview } from './enhanced-review.tsx'
import { useFollowedApplication } from './follow-application.ts'
import { DeniedNotice, ReviewState } from './review-state.tsx'

/**
 * 初回: after the phone flow (in review, in enhanced review with documents to upload, decided).
 * 2回目以降: once sent (waiting for the owner's confirmation), and decided. A denial shows here,
 * with the way to correct it, rather than the page moving by itself.
 */
const COMPLETE_STATUSES = {
  FIRST_TIME: ['IN_REVIEW', 'ENHANCED_REVIEW', 'APPROVED', 'DENIED'],
  LINK_VERIFIED: ['SUBMITTED', 'APPROVED', 'DENIED'],
} as const

/** お申し込み完了: the 受付番号, where the application stands, what happens next, and what to do when no email arrives. */
export function CompletePage() {
  // While something is still to be decided, the verdict is followed here and shown in place.
  useFollowedApplication()
  return (
    <ApplicationGate statuses={COMPLETE_STATUSES}>
      {(application) => (application.flow === 'LINK_VERIFIED' ? <Linked application={application} /> : <Complete application={application} />)}
    </ApplicationGate>
  )
}

function Complete({ application }: { application: ApplicantApplication }) {
  const { status } = application
  const review = status === 'ENHANCED_REVIEW' ? application.enhancedReview : null
  return (
    <>
      <PageHeading title="お申し込み完了">お申し込み完了</PageHeading>
      <p>取引時確認情報のお申し込みと、スマートフォンでの本人確認を受け付けました。</p>
      <Reference application={application} />
      {/* Always on the page, so each change of the review's state is announced. */}
      <div role="status" className="review-status">
        <ReviewState application={application} />
      </div>
      {hasAgent(application) && <AgentFollowUp application={application} />}
      {review && <EnhancedReview applicationId={application.id} review={review} />}
      {status !== 'DENIED' && <NextSteps review={review !== null} />}
      <Help />
    </>
  )
}

function NextSteps({ review }: { review: boolean }) {
  return (
    <>
      <h2>今後の流れ</h2>
      {review ? (
        <p>
          ご提出いただいた書類を確認したうえで、審査の結果をメールでお知らせします。Twilioコンソールログイン用メールアドレスをご確認ください。
        </p>
      ) : (
        <p>審査の結果はメールでお知らせします。Twilioコンソールログイン用メールアドレスをご確認ください。</p>
      )}
      <p>
        否認となった場合は、この画面またはメールに記載のリンクから入力内容を修正して、もう一度お申し込みいただけます。フォームには、本人確認書類と同じ内容（字体を含む）をご記入ください。
      </p>
    </>
  )
}

/**
 * 2回目以降: sent, it waits for the owner of the verified account to confirm through the emailed
 * link; only then is the new Account SID linked (approved). Unconfirmed in time, or declined, it
 * is denied, and the denial shows here with the way to the confirmation screen to correct it.
 */
function Linked({ application }: { application: ApplicantApplication }) {
  const login = application.answers.login
  const confirmation = application.ownerConfirmation
  const approved = application.status === 'APPROVED'
  const denied = application.status === 'DENIED'
  // Past its expiry, the link is spent; the system's denial follows at its next poll (shown here).
  const expired = !approved && !denied && confirmation?.status === 'EXPIRED'
  const until = confirmation ? formatJapanDateTime(confirmation.expiresAt) : undefined
  return (
    <>
      <PageHeading title="お申し込み完了">お申し込み完了</PageHeading>
      {/* Always on the page, so the owner's confirmation is announced when it comes. */}
      <div role="status" className="review-status">
        {denied ? (
          <DeniedNotice application={application} />
        ) : approved ? (
          <p className="notice">
            取引時確認済みのアカウントの所有者による確認が済み、新しいAccount SID（{login?.accountSid}）を、取引時確認済みのAccount SID（
            {login?.verifiedAccountSid}）に紐付けました。新しいAccount SIDの取引時確認は完了です。
          </p>
        ) : expired ? (
          <p className="notice notice-error">
            確認のメールの有効期限（{until}）までに、取引時確認済みのアカウントの所有者による確認が行われませんでした。このお申し込みは承認されません。まもなく、この画面で修正のご案内をお示しします。
          </p>
        ) : (
          <div className="notice notice-action">
            <p>
              <strong>紐付けのお申し込みを受け付けました。取引時確認済みのアカウントの所有者による確認をお待ちしています。</strong>
            </p>
            <p>
              取引時確認済みのアカウントのTwilioコンソールログイン用メールアドレス
              {confirmation && (
                <>
                  （<strong>{confirmation.sentTo}</strong>）
                </>
              )}
              に、確認のメールをお送りしました。
              {until && (
                <>
                  メールのリンクの有効期限は <strong>{until}</strong> までです。
                </>
              )}
            </p>
          </div>
        )}
      </div>
      <Reference application={application} />
      {approved ? (
        <p>紐付けが完了したことを、Twilioコンソールログイン用メールアドレス（{login?.loginEmail}）宛てのメールでもお知らせしました。</p>
      ) : (
        !expired &&
        !denied && (
          <>
            <h2>今後の流れ</h2>
            <p>
              新しいAccount SID（{login?.accountSid}
              ）は、取引時確認済みのアカウントの所有者が、メールのリンクを開いて「私の申し込みです（紐付けを承認する）」を押した時点で、取引時確認済みとなります。確認されると、この画面に表示され、Twilioコンソールログイン用メールアドレス（
              {login?.loginEmail}）宛てのメールでもお知らせします。
            </p>
            <p>取引時確認済みのアカウントをご自身で管理されている場合は、そのアカウントのメールアドレスに届いたメールをご確認ください。</p>
            <p>
              {until ? `${until}までに` : '有効期限までに'}
              確認されなかった場合や、所有者が「私の申し込みではありません」を選んだ場合は、お申し込みは承認されません。その場合は、取引時確認済みのAccount
              SIDを修正してもう一度送信するか、初めての方の手続き（本人確認書類による確認）でお申し込みください。
            </p>
          </>
        )
      )}
      <Help />
    </>
  )
}

function Reference({ application }: { application: ApplicantApplication }) {
  return (
    <>
      <ReferencePanel reference={application.reference} />
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
