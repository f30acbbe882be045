import { useState } from 'react'
import { useLocation } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { EDITABLE_STATUSES } from '@kakunin/schema/status-machine'
import { ErrorSummary } from '#src/components/form/error-summary.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { PrivacySummary } from '#src/components/privacy/privacy-summary.tsx'
import { readServerError, type ServerProblem } from '#src/lib/server-errors.ts'
import { useCurrentApplication } from '#src/features/application/api/get-current-application.ts'
import { useSendDraftLink } from '#src/features/application/api/send-draft-link.ts'
import { useSubmitApplication } from '#src/features/application/api/submit-application.ts'
import { useSubmitLink } from '#src/features/application/api/submit-link.ts'
import { ApplicationGate } from '#src/features/application/application-gate.tsx'
import { COMPLETE_PATH, stepsOf, VERIFY_PATH } from '#src/features/application/apply-paths.ts'
import { ConflictNotice } from '#src/features/application/conflict-notice.tsx'
import { DenialBanner } from '#src/features/application/denial/denial-banner.tsx'
import { deniedFieldsOf } from '#src/features/application/denial/denied-fields.ts'
import { DraftLinkStatus } from '#src/features/application/drafts/draft-link-status.tsx'
import { AnswerGroup } from './answer-group.tsx'
import { ConfirmReference, CorrectionProgress } from './correction-progress.tsx'
import { correctedFieldsOf } from './corrections.ts'
import { SUBMIT_BUTTON_ID, submitErrors } from './submit-errors.ts'

/**
 * 登録情報確認: every answer with a 変更 link, then submit or keep the draft for later. After a
 * denial the same screen is where the applicant corrects the form: the verdict on top, the rows
 * that did not match the ID marked, and submitting again starts a new verification. In the
 * already-verified flow (2回目以降) there is no identity verification: 送信する checks the verified
 * Account SID, emails its owner for confirmation and goes to お申し込み完了, which waits for it.
 */
export function ConfirmPage() {
  return <ApplicationGate statuses={EDITABLE_STATUSES}>{(application) => <Confirmation application={application} />}</ApplicationGate>
}

function Confirmation({ application }: { application: ApplicantApplication }) {
  const [, navigate] = useLocation()
  const linkVerified = application.flow === 'LINK_VERIFIED'
  const submitFirstTime = useSubmitApplication()
  const submitLink = useSubmitLink()
  const submit = linkVerified ? submitLink : submitFirstTime
  const draftLink = useSendDraftLink()
  const current = useCurrentApplication()
  const [problem, setProblem] = useState<ServerProblem>()
  const [attempt, setAttempt] = useState(0)
  // A denial without details (a staff decision may give none) still says what happened.
  const denial = application.status === 'DENIED' ? (application.denial ?? { fields: [], hints: [] }) : null

  async function onSubmit() {
    setProblem(undefined)
    draftLink.reset()
    try {
      await submit.mutateAsync({ id: application.id, version: application.version })
      navigate(linkVerified ? COMPLETE_PATH : VERIFY_PATH)
    } catch (error) {
      setProblem(readServerError(error))
      setAttempt((n) => n + 1)
    }
  }

  return (
    <>
      <PageHeading title="登録情報確認">登録情報確認</PageHeading>
      {/* A correction is asked about with its 受付番号. */}
      {denial && <ConfirmReference reference={application.reference} />}
      {denial ? (
        <DenialBanner denial={denial} flow={application.flow} />
      ) : linkVerified ? (
        <p>
          入力内容をご確認ください。問題がなければ「送信する」を押してください。取引時確認済みのAccount
          SIDを確認し、そのアカウントのTwilioコンソールログイン用メールアドレスに確認のメールをお送りします。所有者が確認すると、新しいAccount
          SIDが紐付けられます。
        </p>
      ) : (
        <p>ご登録内容をご確認ください。問題がなければ、本人確認画像のアップロードに進みます。</p>
      )}
      {problem?.conflict && problem.message && (
        <ConflictNotice
          message={problem.message}
          reloading={current.isFetching}
          onReload={() => void current.refetch().then(() => setProblem(undefined))}
        />
      )}
      <ErrorSummary title="お申し込みを送信できませんでした" attempt={attempt} errors={submitErrors(problem)} />
      {denial && <CorrectionProgress application={application} />}
      {stepsOf(application).map((step) => (
        <AnswerGroup
          key={step}
          step={step}
          answers={application.answers}
          flagged={deniedFieldsOf(application, step)}
          corrected={correctedFieldsOf(application, step)}
          flow={application.flow}
        />
      ))}
      {/* Read before anything is sent: who receives it, why and for how long. */}
      <PrivacySummary />
      <div className={linkVerified ? 'actions' : 'actions actions-stacked'}>
        <button id={SUBMIT_BUTTON_ID} type="button" className="button" onClick={onSubmit} disabled={submit.isPending}>
          {linkVerified ? '送信する' : '続けて本人確認画像をアップロードする'}
        </button>
        {/* 2回目以降 has nothing to verify later: the form is sent, or not. */}
        {!linkVerified && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => draftLink.mutate(application.id)}
            disabled={draftLink.isPending}
          >
            下書きを保存し、あとで本人確認画像をアップロードする
          </button>
        )}
      </div>
      {/* Every step was saved on 次へ: what is left is the link to come back with. */}
      {!linkVerified && <DraftLinkStatus mutation={draftLink} />}
    </>
  )
}
