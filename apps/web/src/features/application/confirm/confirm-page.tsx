import { useState } from 'react'
import { useLocation } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { ErrorSummary } from '../../../components/form/error-summary.tsx'
import { PageHeading } from '../../../components/layout/page-heading.tsx'
import { readServerError, type ServerProblem } from '../../../lib/server-errors.ts'
import { useCurrentApplication } from '../api/get-current-application.ts'
import { useSubmitApplication } from '../api/submit-application.ts'
import { ApplicationGate } from '../application-gate.tsx'
import { stepsOf, SUBMITTED_PATH } from '../apply-paths.ts'
import { ConflictNotice } from '../conflict-notice.tsx'
import { AnswerGroup } from './answer-group.tsx'
import { SUBMIT_BUTTON_ID, submitErrors } from './submit-errors.ts'

/** 登録情報確認: every answer with a 変更 link, then submit or keep the draft for later. */
export function ConfirmPage() {
  return <ApplicationGate status="draft">{(application) => <Confirmation application={application} />}</ApplicationGate>
}

function Confirmation({ application }: { application: ApplicantApplication }) {
  const [, navigate] = useLocation()
  const submit = useSubmitApplication()
  const current = useCurrentApplication()
  const [problem, setProblem] = useState<ServerProblem>()
  const [attempt, setAttempt] = useState(0)
  const [draftSaved, setDraftSaved] = useState(false)

  async function onSubmit() {
    setProblem(undefined)
    setDraftSaved(false)
    try {
      await submit.mutateAsync({ id: application.id, version: application.version })
      navigate(SUBMITTED_PATH)
    } catch (error) {
      setProblem(readServerError(error))
      setAttempt((n) => n + 1)
    }
  }

  return (
    <>
      <PageHeading title="登録情報確認">登録情報確認</PageHeading>
      <p>ご登録内容をご確認ください。問題がなければ、本人確認画像のアップロードに進みます。</p>
      {problem?.conflict && problem.message && (
        <ConflictNotice
          message={problem.message}
          reloading={current.isFetching}
          onReload={() => void current.refetch().then(() => setProblem(undefined))}
        />
      )}
      <ErrorSummary title="お申し込みを送信できませんでした" attempt={attempt} errors={submitErrors(problem)} />
      {stepsOf(application).map((step) => (
        <AnswerGroup key={step} step={step} answers={application.answers} />
      ))}
      <div className="actions actions-stacked">
        <button id={SUBMIT_BUTTON_ID} type="button" className="button" onClick={onSubmit} disabled={submit.isPending}>
          続けて本人確認画像をアップロードする
        </button>
        <button type="button" className="button button-secondary" onClick={() => setDraftSaved(true)}>
          下書きを保存し、あとで本人確認画像をアップロードする
        </button>
      </div>
      {/* Every step was saved on 次へ: nothing is left to send, only to say. */}
      <div role="status">
        {draftSaved && (
          <div className="notice">
            <p>下書きを保存しました。</p>
            <p>このブラウザで取引時確認情報の登録ページを開くと、この画面から続けられます。</p>
          </div>
        )}
      </div>
    </>
  )
}
