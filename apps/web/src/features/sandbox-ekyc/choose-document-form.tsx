import { useState } from 'react'
import { useForm, type Path } from 'react-hook-form'
import type * as z from 'zod/mini'
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  SANDBOX_METHOD_LABELS,
  sandboxStartBody,
  type SandboxSessionView,
} from '@kakunin/schema/sandbox-ekyc'
import { collectErrors } from '#src/components/form/collect-errors.ts'
import { ErrorSummary } from '#src/components/form/error-summary.tsx'
import { errorAt } from '#src/components/form/use-error-message.ts'
import { RadioGroup } from '#src/components/form/radio-group.tsx'
import { readServerError } from '#src/lib/server-errors.ts'
import { schemaResolver } from '#src/lib/schema-resolver.ts'
import { useStartSession } from './api/start-session.ts'
import { PhoneHeading, PhoneProgress } from './phone-layout.tsx'

type Values = z.input<typeof sandboxStartBody>

const resolver = schemaResolver(sandboxStartBody)

const METHOD_HINTS: Record<string, string> = {
  ho: '本人確認書類の表面・裏面と、ご自身の顔を撮影します。2027年4月1日以降はご利用いただけません。',
  ic_chip: '本人確認書類のICチップを読み取り、ご自身の顔を撮影します。（サンドボックスでは、ICチップの読み取りは省略されます）',
}

/** Step 1: 確認方法 (only those the law allows today) and 本人確認書類. */
export function ChooseDocumentForm({ token, session, onStarted }: { token: string; session: SandboxSessionView; onStarted: () => void }) {
  const start = useStartSession(token)
  const form = useForm<Values, unknown, z.output<typeof sandboxStartBody>>({
    resolver,
    shouldFocusError: false,
    defaultValues: {
      ...(session.method ? { method: session.method } : session.methods.length === 1 ? { method: session.methods[0] } : {}),
      ...(session.documentType ? { documentType: session.documentType } : {}),
    },
  })
  const [attempt, setAttempt] = useState(0)
  const [message, setMessage] = useState<string>()
  const { errors } = form.formState

  const onSubmit = form.handleSubmit(
    async (values) => {
      setMessage(undefined)
      try {
        await start.mutateAsync(values)
        onStarted()
      } catch (error) {
        const problem = readServerError(error)
        for (const [path, text] of Object.entries(problem.fields)) form.setError(path as Path<Values>, { type: 'server', message: text })
        setMessage(problem.message)
        setAttempt((n) => n + 1)
      }
    },
    () => setAttempt((n) => n + 1),
  )

  return (
    <>
      <PhoneProgress step={1} of={3} />
      <PhoneHeading title="本人確認書類を選ぶ" />
      <p>確認方法と、お手元の本人確認書類を選択してください。</p>
      <ErrorSummary
        attempt={attempt}
        errors={[...collectErrors(errors), ...(message ? [{ fieldId: 'start-submit', message }] : [])]}
      />
      <form onSubmit={onSubmit} noValidate>
        <RadioGroup
          id="method"
          legend="確認方法"
          options={session.methods.map((method) => ({ value: method, label: SANDBOX_METHOD_LABELS[method], hint: METHOD_HINTS[method] }))}
          error={errorAt(errors, 'method')}
          registration={form.register('method')}
        />
        <RadioGroup
          id="documentType"
          legend="本人確認書類"
          hint="顔写真付きの本人確認書類を選択してください。"
          options={DOCUMENT_TYPES.map((type) => ({ value: type, label: DOCUMENT_TYPE_LABELS[type] }))}
          error={errorAt(errors, 'documentType')}
          registration={form.register('documentType')}
        />
        {session.uploaded.length > 0 && (
          <p className="notice">選び直すと、これまでに撮影した画像は破棄されます。もう一度撮影してください。</p>
        )}
        <div className="actions">
          <button id="start-submit" type="submit" className="button" disabled={start.isPending}>
            次へ
          </button>
        </div>
      </form>
    </>
  )
}
