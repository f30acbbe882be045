import { useState, type FormEvent, type ReactNode } from 'react'
import { useLocation } from 'wouter'
import { APPLICATION_FLOW_LABELS, APPLICATION_FLOWS, createApplicationBody } from '@kakunin/schema/application-flow'
import { fieldErrors } from '@kakunin/schema/errors'
import { ErrorSummary } from '#src/components/form/error-summary.tsx'
import { RadioGroup } from '#src/components/form/radio-group.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { PrivacySummary } from '#src/components/privacy/privacy-summary.tsx'
import { readServerError } from '#src/lib/server-errors.ts'
import { useCreateApplication } from '#src/features/application/api/create-application.ts'
import { resumePath } from '#src/features/application/apply-paths.ts'

const flowHints = {
  FIRST_TIME: '初めて取引時確認情報を入力する方はこちらを選択してください。',
  LINK_VERIFIED: '取引時確認済みの方が、別のメールアドレスで新たに Twilio アカウントを取得した場合に選択してください。',
} as const

/**
 * 初回登録: the article's entry question, which decides the flow of the application. One radio
 * group needs no form library: the first screen stays small, and the shared schema still decides.
 */
export function EntryQuestion({ notice }: { notice?: ReactNode } = {}) {
  const [, navigate] = useLocation()
  const [attempt, setAttempt] = useState(0)
  const [flowError, setFlowError] = useState<string>()
  const [formError, setFormError] = useState<string>()
  const createApplication = useCreateApplication()

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setFormError(undefined)
    const parsed = createApplicationBody.safeParse({ flow: new FormData(event.currentTarget).get('flow') ?? undefined })
    if (!parsed.success) {
      setFlowError(fieldErrors(parsed.error.issues).flow)
      setAttempt((n) => n + 1)
      return
    }
    setFlowError(undefined)
    try {
      const application = await createApplication.mutateAsync(parsed.data)
      navigate(resumePath(application))
    } catch (error) {
      const problem = readServerError(error)
      setFlowError(problem.fields.flow)
      setFormError(problem.message)
      setAttempt((n) => n + 1)
    }
  }

  return (
    <>
      <PageHeading title="取引時確認情報の登録">取引時確認情報の登録</PageHeading>
      <p>
        電話番号が特殊詐欺等の犯罪に使われることを防ぐ犯罪収益移転防止法に準拠するため、個人のお客様には本人確認書類のご提出をお願いしております。
      </p>
      {notice}
      <ErrorSummary
        attempt={attempt}
        errors={[
          ...(flowError ? [{ fieldId: 'flow', message: flowError }] : []),
          ...(formError ? [{ fieldId: 'submit', message: formError }] : []),
        ]}
      />
      <form onSubmit={onSubmit} noValidate>
        <RadioGroup
          id="flow"
          legend="取引時確認済みのAccount SIDを持っていますか"
          hint="初めて取引時確認情報を入力する方は「持っていない」を選択してください。"
          options={APPLICATION_FLOWS.map((flow) => ({
            value: flow,
            label: APPLICATION_FLOW_LABELS[flow],
            hint: flowHints[flow],
          }))}
          error={flowError}
          registration={{ name: 'flow' }}
        />
        <button id="submit" type="submit" className="button" disabled={createApplication.isPending}>
          次へ
        </button>
      </form>
      <PrivacySummary />
    </>
  )
}
