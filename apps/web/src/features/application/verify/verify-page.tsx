import type { ApplicantApplication } from '@kakunin/schema/application'
import { ReferencePanel } from '#src/components/feedback/reference-panel.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { FirstRead } from './first-read.tsx'
import { ApplicationGate } from '#src/features/application/application-gate.tsx'
import { EnhancedReview } from '#src/features/application/complete/enhanced-review.tsx'
import { ReviewState } from '#src/features/application/complete/review-state.tsx'
import { AgentVerification } from './agent-verification.tsx'
import { useVerificationFlow, type VerificationFlow } from './use-verification-flow.ts'
import { PHASE_MESSAGES } from './verification-phase.ts'
import { VerificationQr } from './verification-qr.tsx'
import { Later, NextButton } from './verify-actions.tsx'

/**
 * The page follows a first-time application from the QR code to its verdict, so it stays open in
 * every status after the submission. 2回目以降 has no 身元確認: a sent one waits for its owner's
 * confirmation at お申し込み完了.
 */
const VERIFY_STATUSES = { FIRST_TIME: ['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'ENHANCED_REVIEW', 'APPROVED', 'DENIED'], LINK_VERIFIED: [] } as const

/** 身元確認用フォーム: a QR code for the phone (one per person with a 代理人), the phone's progress live, then the verdict in place. */
export function VerifyPage() {
  return <ApplicationGate statuses={VERIFY_STATUSES}>{(application) => <Verification application={application} />}</ApplicationGate>
}

function Verification({ application }: { application: ApplicantApplication }) {
  const flow = useVerificationFlow(application)
  return flow.withAgent ? <AgentVerification application={application} flow={flow} /> : <CustomerVerification application={application} flow={flow} />
}

/** Without a 代理人: the customer's one QR code. */
function CustomerVerification({ application, flow }: { application: ApplicantApplication; flow: VerificationFlow }) {
  const { data, phase, pastPhone, review, start } = flow
  const session = data?.verification
  const showQr = session && (phase === 'waiting' || phase === 'in-progress')
  return (
    <>
      <PageHeading title="身元確認用フォーム">身元確認用フォーム</PageHeading>
      {/* How to go through the phone, while there is a phone flow to go through. */}
      {!pastPhone && (
        <>
          <p>
            「利用者身元確認プランの確認を行う」を押すとQRコードが表示されます。スマートフォンでQRコードを読み取ってください。QRコードを読み取ると、スマートフォンで本人確認アプリが開きます。
          </p>
          <p>アプリでの本人確認が完了したら、「次へ」を押してください。</p>
        </>
      )}
      <ReferencePanel reference={application.reference} />

      <FirstRead flow={flow} />

      {start.error && (
        <div className="notice notice-error" role="alert">
          <p>{start.error.message}</p>
        </div>
      )}

      {!pastPhone && (phase === 'none' || phase === 'expired') && (
        <div className="actions">
          <button type="button" className="button" onClick={flow.onStart} disabled={start.isPending}>
            {phase === 'expired' ? '新しいQRコードを表示する' : '利用者身元確認プランの確認を行う'}
          </button>
        </div>
      )}

      {/* Always on the page, so each change of the phone's progress is announced. */}
      <div className="verification-status" role="status" aria-live="polite">
        {pastPhone ? (
          <ReviewState application={application} />
        ) : (
          phase &&
          PHASE_MESSAGES[phase] && <p className={phase === 'expired' ? 'notice notice-error' : 'notice'}>{PHASE_MESSAGES[phase]}</p>
        )}
      </div>
      {review && <EnhancedReview applicationId={application.id} review={review} />}

      {showQr && !pastPhone && <VerificationQr verification={session} />}

      {application.status !== 'DENIED' && (
        <NextButton
          canGoOn={flow.canGoOn}
          moving={flow.moving}
          onNext={flow.onNext}
          explanation="スマートフォンでの本人確認が完了すると、「次へ」を押せるようになります。"
        />
      )}

      {!pastPhone && phase !== 'finished' && <Later applicationId={application.id} draftLink={flow.draftLink} />}
    </>
  )
}
