import { useState } from 'react'
import { useLocation } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { EDITABLE_STATUSES } from '@kakunin/schema/status-machine'
import { ErrorSummary } from '../../../components/form/error-summary.tsx'
import { PageHeading } from '../../../components/layout/page-heading.tsx'
import { readServerError, type ServerProblem } from '../../../lib/server-errors.ts'
import { useCurrentApplication } from '../api/get-current-application.ts'
import { useSendDraftLink } from '../api/send-draft-link.ts'
import { useSubmitApplication } from '../api/submit-application.ts'
import { ApplicationGate } from '../application-gate.tsx'
import { stepsOf, VERIFY_PATH } from '../apply-paths.ts'
import { ConflictNotice } from '../conflict-notice.tsx'
import { DenialBanner } from '../denial/denial-banner.tsx'
import { deniedFieldsOf } from '../denial/denied-fields.ts'
import { DraftLinkStatus } from '../drafts/draft-link-status.tsx'
import { AnswerGroup } from './answer-group.tsx'
import { SUBMIT_BUTTON_ID, submitErrors } from './submit-errors.ts'

/**
 * 登録情報確認: every answer with a 変更 link, then submit or keep the draft for later. After a
 * denial the same screen is where the applicant corrects the form: the verdict on top, the rows
 * that did not match the ID marked, and submitting again starts a new verification.
 */
export function ConfirmPage() {
  return <ApplicationGate statuses={EDITABLE_STATUSES}>{(application) => <Confirmation application={application} />}</ApplicationGate>
}

function Confirmation({ application }: { application: ApplicantApplication }) {
  const [, navigate] = useLocation()
  const submit = useSubmitApplication()
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
      navigate(VERIFY_PATH)
    } catch (error) {
      setProblem(readServerError(error))
      setAttempt((n) => n + 1)
    }
  }

  return (
    <>
      <PageHeading title="登録情報確認">登録情報確認</PageHeading>
      {denial ? (
        <DenialBanner denial={denial} />
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
      {stepsOf(application).map((step) => (
        <AnswerGroup key={step} step={step} answers={application.answers} flagged={deniedFieldsOf(application, step)} />
      ))}
      <div className="actions actions-stacked">
        <button id={SUBMIT_BUTTON_ID} type="button" className="button" onClick={onSubmit} disabled={submit.isPending}>
          続けて本人確認画像をアップロードする
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => draftLink.mutate(application.id)}
          disabled={draftLink.isPending}
        >
          下書きを保存し、あとで本人確認画像をアップロードする
        </button>
      </div>
      {/* Every step was saved on 次へ: what is left is the link to come back with. */}
      <DraftLinkStatus mutation={draftLink} />
    </>
  )
}
