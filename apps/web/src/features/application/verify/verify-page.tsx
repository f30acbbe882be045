import { useEffect, useState } from 'react'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { Loading } from '#src/components/feedback/loading.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { useCurrentApplication } from '#src/features/application/api/get-current-application.ts'
import { useCurrentVerification } from '#src/features/application/api/get-current-verification.ts'
import { useSendDraftLink } from '#src/features/application/api/send-draft-link.ts'
import { useStartVerification } from '#src/features/application/api/start-verification.ts'
import { ApplicationGate } from '#src/features/application/application-gate.tsx'
import { DraftLinkStatus } from '#src/features/application/drafts/draft-link-status.tsx'
import { PHASE_MESSAGES, verificationPhase } from './verification-phase.ts'
import { VerificationQr } from './verification-qr.tsx'

/** 2回目以降 has no 身元確認: a sent one waits for its owner's confirmation at お申し込み完了. */
const VERIFY_STATUSES = { FIRST_TIME: ['SUBMITTED', 'VERIFYING'], LINK_VERIFIED: [] } as const

/** 身元確認用フォーム: a QR code for the phone, the phone's progress live, then 次へ. */
export function VerifyPage() {
  return <ApplicationGate statuses={VERIFY_STATUSES}>{(application) => <Verification application={application} />}</ApplicationGate>
}

function Verification({ application }: { application: ApplicantApplication }) {
  const current = useCurrentApplication()
  const verification = useCurrentVerification(application.id)
  const start = useStartVerification(application.id)
  const draftLink = useSendDraftLink()
  const [moving, setMoving] = useState(false)

  const data = verification.data
  const phase = data ? verificationPhase(data) : undefined
  const session = data?.verification
  const showQr = session && (phase === 'waiting' || phase === 'in-progress')

  // Decided by staff without the phone (a denial to correct): the latest status takes the gate
  // where the application continues, with no 次へ to press for a step the applicant never took.
  const { refetch: refetchApplication } = current
  useEffect(() => {
    if (phase === 'decided') void refetchApplication()
  }, [phase, refetchApplication])

  function onStart() {
    draftLink.reset()
    start.mutate()
  }

  // The phone has finished: the latest status decides where the applicant goes (お申し込み完了,
  // also when the review asks for more documents, ENHANCED_REVIEW, which are uploaded there; or
  // the confirmation screen to correct a denial); the gate leads there once it is read.
  async function onNext() {
    setMoving(true)
    await current.refetch()
    setMoving(false)
  }

  return (
    <>
      <PageHeading title="身元確認用フォーム">身元確認用フォーム</PageHeading>
      <p>
        「利用者身元確認プランの確認を行う」を押すとQRコードが表示されます。スマートフォンでQRコードを読み取ってください。QRコードを読み取ると、スマートフォンで本人確認アプリが開きます。
      </p>
      <p>アプリでの本人確認が完了したら、「次へ」を押してください。</p>
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

      {(phase === 'none' || phase === 'expired') && (
        <div className="actions">
          <button type="button" className="button" onClick={onStart} disabled={start.isPending}>
            {phase === 'expired' ? '新しいQRコードを表示する' : '利用者身元確認プランの確認を行う'}
          </button>
        </div>
      )}

      {/* Always on the page, so each change of the phone's progress is announced. */}
      <div className="verification-status" role="status" aria-live="polite">
        {phase && PHASE_MESSAGES[phase] && (
          <p className={phase === 'expired' ? 'notice notice-error' : 'notice'}>{PHASE_MESSAGES[phase]}</p>
        )}
      </div>

      {showQr && <VerificationQr verification={session} />}

      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void onNext()}
          disabled={phase !== 'finished' || moving}
          aria-describedby={phase === 'finished' ? undefined : 'next-explanation'}
        >
          次へ
        </button>
        {phase !== 'finished' && (
          <p id="next-explanation" className="hint">
            スマートフォンでの本人確認が完了すると、「次へ」を押せるようになります。
          </p>
        )}
      </div>

      {phase !== 'finished' && (
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
