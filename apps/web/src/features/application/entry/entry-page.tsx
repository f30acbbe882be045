import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useLocation } from 'wouter'
import {
  APPLICATION_FLOW_LABELS,
  APPLICATION_FLOWS,
  createApplicationBody,
  type CreateApplicationBody,
} from '@kakunin/schema/application'
import { ErrorSummary } from '../../../components/form/error-summary.tsx'
import { RadioGroup } from '../../../components/form/radio-group.tsx'
import { applyServerError } from '../../../lib/use-server-errors.ts'
import { useCreateApplication } from '../api/create-application.ts'

const flowHints = {
  FIRST_TIME: '初めて取引時確認情報を入力する方はこちらを選択してください。',
  LINK_VERIFIED: '取引時確認済みの方が、別のメールアドレスで新たに Twilio アカウントを取得した場合に選択してください。',
} as const

/** 初回登録: the article's entry question, which decides the flow of the application. */
export function EntryPage() {
  const [, navigate] = useLocation()
  const [attempt, setAttempt] = useState(0)
  const [formError, setFormError] = useState<string>()
  const createApplication = useCreateApplication()
  // The error summary takes focus (GOV.UK pattern); react-hook-form must not move it to the field.
  const form = useForm<CreateApplicationBody>({ resolver: zodResolver(createApplicationBody), shouldFocusError: false })
  const flowError = form.formState.errors.flow?.message

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(undefined)
      try {
        const application = await createApplication.mutateAsync(values)
        navigate(`/applications/started/${encodeURIComponent(application.reference)}`)
      } catch (error) {
        setFormError(applyServerError(error, form.setError))
        setAttempt((n) => n + 1)
      }
    },
    () => setAttempt((n) => n + 1),
  )

  return (
    <>
      <h1>取引時確認情報の登録</h1>
      <p>
        電話番号が特殊詐欺等の犯罪に使われることを防ぐ犯罪収益移転防止法に準拠するため、個人のお客様には本人確認書類のご提出をお願いしております。
      </p>
      <ErrorSummary
        attempt={attempt}
        errors={[
          ...(flowError ? [{ fieldId: 'flow', message: flowError }] : []),
          ...(formError && !flowError ? [{ fieldId: 'submit', message: formError }] : []),
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
          registration={form.register('flow')}
        />
        <button id="submit" type="submit" className="button" disabled={createApplication.isPending}>
          次へ
        </button>
      </form>
    </>
  )
}
