import { useEffect, useState } from 'react'
import { useLocation } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { Loading } from '#src/components/feedback/loading.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { useCurrentApplication } from '#src/features/application/api/get-current-application.ts'
import { useCurrentVerification } from '#src/features/application/api/get-current-verification.ts'
import { useSendDraftLink } from '#src/features/application/api/send-draft-link.ts'
import { useStartVerification } from '#src/features/application/api/start-verification.ts'
import { ApplicationGate } from '#src/features/application/application-gate.tsx'
import { COMPLETE_PATH } from '#src/features/application/apply-paths.ts'
import { EnhancedReview } from '#src/features/application/complete/enhanced-review.tsx'
import { useFollowedApplication } from '#src/features/application/complete/follow-application.ts'
import { ReviewState } from '#src/features/application/complete/review-state.tsx'
import { DraftLinkStatus } from '#src/features/application/drafts/draft-link-status.tsx'
import { PHASE_MESSAGES, verificationPhase } from './verification-phase.ts'
import { VerificationQr } from './verification-qr.tsx'

/**
 * The page follows a first-time application from the QR code to its verdict, so it stays open in
 * every status after the submission. 2回目以降 has no 身元確認: a sent one waits for its owner's
 * confirmation at お申し込み完了.
 */
const VERIFY_STATUSES = { FIRST_TIME: ['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'ENHANCED_REVIEW', 'APPROVED', 'DENIED'], LINK_VERIFIED: [] } as const

/** The application statuses in which the phone flow is still to be done. */
const AWAITING_PHONE: readonly string[] = ['SUBMITTED', 'VERIFYING']

/** 身元確認用フォーム: a QR code for the phone, the phone's progress live, then the verdict in place. */
export function VerifyPage() {
  return <ApplicationGate statuses={VERIFY_STATUSES}>{(application) => <Verification application={application} />}</ApplicationGate>
}

function Verification({ application }: { application: ApplicantApplication }) {
  const current = useCurrentApplication()
  const followed = useFollowedApplication()
  const [, navigate] = useLocation()
  const verification = useCurrentVerification(application.id)
  const start = useStartVerification(application.id)
  const draftLink = useSendDraftLink()
  const [moving, setMoving] = useState(false)

  const data = verification.data
  const phase = data ? verificationPhase(data) : undefined
  const session = data?.verification
  const showQr = session && (phase === 'waiting' || phase === 'in-progress')

  // The verification's poll sees the application move on (in review, or decided by staff without
  // the phone); the application, read again, brings the verdict's details, which show in place.
  // From then on the application is followed by itself until it is decided.
  const { refetch: refetchApplication } = followed
  const movedTo = data?.applicationStatus
  useEffect(() => {
    if (movedTo && movedTo !== application.status && AWAITING_PHONE.includes(application.status)) void refetchApplication()
  }, [movedTo, application.status, refetchApplication])
  const pastPhone = !AWAITING_PHONE.includes(application.status)
  const review = application.status === 'ENHANCED_REVIEW' ? application.enhancedReview : null

  function onStart() {
    draftLink.reset()
    start.mutate()
  }

  // The phone has finished: お申し込み完了, read afresh (the user's own request, not a poll), shows
  // where the application stands; a denial is corrected from the button shown here instead.
  async function onNext() {
    setMoving(true)
    await current.refetch()
    setMoving(false)
    navigate(COMPLETE_PATH)
  }
  const canGoOn = (phase === 'finished' || pastPhone) && application.status !== 'DENIED'

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
      <div className="panel">
        <p>受付番号</p>
        <p className="reference" data-testid="reference">
          {application.reference}
        </p>
      </div>

      {verification.isPending && <Loading />}
      {/* A failed poll keeps what was shown; only a first read that failed needs saying. */}
      {verification.isError && !data && (
        <div className="notice notice-error" role="alert">
          <p>{verification.error.message}</p>
          <button type="button" className="button" onClick={() => void verification.refetch()}>
            再読み込み
          </button>
        </div>
      )}

      {start.error && (
        <div className="notice notice-error" role="alert">
          <p>{start.error.message}</p>
        </div>
      )}

      {!pastPhone && (phase === 'none' || phase === 'expired') && (
        <div className="actions">
          <button type="button" className="button" onClick={onStart} disabled={start.isPending}>
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
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => void onNext()}
            disabled={!canGoOn || moving}
            aria-describedby={canGoOn ? undefined : 'next-explanation'}
          >
            次へ
          </button>
          {!canGoOn && (
            <p id="next-explanation" className="hint">
              スマートフォンでの本人確認が完了すると、「次へ」を押せるようになります。
            </p>
          )}
        </div>
      )}

      {!pastPhone && phase !== 'finished' && (
        <section className="later" aria-labelledby="later-title">
          <h2 id="later-title">あとで本人確認を行う場合</h2>
          <p>Twilioコンソールログイン用メールアドレスに、この画面に戻るためのリンクをお送りします。</p>
          <button type="button" className="button button-secondary" onClick={() => draftLink.mutate(application.id)} disabled={draftLink.isPending}>
            あとで本人確認を行う
          </button>
          <DraftLinkStatus mutation={draftLink} />
        </section>
      )}
    </>
  )
}
