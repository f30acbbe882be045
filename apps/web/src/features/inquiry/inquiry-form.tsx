import { useState } from 'react'
import { useForm, useWatch, type Path } from 'react-hook-form'
import type * as z from 'zod/mini'
import { INQUIRY_CONTENT_MAX, INQUIRY_KIND_LABELS, INQUIRY_KINDS, inquiryBody, type InquiryBody } from '@kakunin/schema/inquiry'
import { collectErrors } from '#src/components/form/collect-errors.ts'
import { ErrorSummary } from '#src/components/form/error-summary.tsx'
import { errorAt } from '#src/components/form/use-error-message.ts'
import { RadioGroup } from '#src/components/form/radio-group.tsx'
import { TextareaField } from '#src/components/form/textarea-field.tsx'
import { TextField } from '#src/components/form/text-field.tsx'
import { readServerError } from '#src/lib/server-errors.ts'
import { schemaResolver } from '#src/lib/schema-resolver.ts'
import { useSendInquiry, type InquiryReceipt } from './api/send-inquiry.ts'
import type { InquiryContext } from './inquiry-context.ts'

/** What the person types; whether to attach the application is the page's to say, not a field. */
type Values = Omit<z.input<typeof inquiryBody>, 'attachApplication'>

const resolver = schemaResolver(inquiryBody)

/** お問い合わせの種類, 氏名, メールアドレス, Account SID and 内容, checked with the API's own schema. */
export function InquiryForm({
  initialKind,
  attachedReference,
  onSent,
}: InquiryContext & { onSent: (receipt: InquiryReceipt, body: InquiryBody) => void }) {
  const form = useForm<Values, unknown, InquiryBody>({
    resolver,
    defaultValues: { kind: initialKind, name: '', email: '', accountSid: '', content: '' },
    // The error summary takes focus (GOV.UK pattern); react-hook-form must not move it to a field.
    shouldFocusError: false,
  })
  const { register, formState } = form
  const send = useSendInquiry()
  const [attempt, setAttempt] = useState(0)
  const [problem, setProblem] = useState<string>()
  const content = useWatch({ control: form.control, name: 'content' }) ?? ''
  const errorMessage = (path: string) => errorAt(formState.errors, path)

  const onSubmit = form.handleSubmit(
    async (values) => {
      setProblem(undefined)
      const body = { ...values, attachApplication: attachedReference !== undefined }
      try {
        onSent(await send.mutateAsync(body), body)
      } catch (error) {
        const found = readServerError(error)
        for (const [path, message] of Object.entries(found.fields)) form.setError(path as Path<Values>, { type: 'server', message })
        setProblem(found.message)
        setAttempt((n) => n + 1)
      }
    },
    () => {
      setProblem(undefined)
      setAttempt((n) => n + 1)
    },
  )

  const fieldErrors = collectErrors(formState.errors)
  return (
    <>
      <ErrorSummary
        attempt={attempt}
        title={fieldErrors.length > 0 ? '入力内容に問題があります' : 'お問い合わせを送信できませんでした'}
        errors={[...fieldErrors, ...(problem ? [{ fieldId: 'send-inquiry', message: problem }] : [])]}
      />
      {attachedReference && (
        <p className="notice">
          このお問い合わせには、お申し込みの受付番号（<strong>{attachedReference}</strong>）を添えてお送りします。
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <RadioGroup
          id="kind"
          legend="お問い合わせの種類"
          hint="取引時確認（本人確認書類の提出など）についてのお問い合わせは「取引時確認」を選択してください。"
          options={INQUIRY_KINDS.map((kind) => ({ value: kind, label: INQUIRY_KIND_LABELS[kind] }))}
          error={errorMessage('kind')}
          registration={register('kind')}
        />
        <TextField
          id="name"
          label="氏名"
          hint="例：山田 太郎"
          width="medium"
          autoComplete="name"
          error={errorMessage('name')}
          registration={register('name')}
        />
        <TextField
          id="email"
          label="メールアドレス"
          hint={
            <>
              <p>回答と受付確認のメールをお送りします。</p>
              <p>例：taro@example.com</p>
            </>
          }
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          error={errorMessage('email')}
          registration={register('email')}
        />
        <TextField
          id="accountSid"
          label="Account SID"
          required={false}
          hint={
            <>
              <p>お問い合わせのTwilioアカウントのAccount SIDがわかる場合は入力してください。</p>
              <p>例：AC0123456789abcdef0123456789abcdef</p>
            </>
          }
          autoComplete="off"
          spellCheck={false}
          error={errorMessage('accountSid')}
          registration={register('accountSid')}
        />
        <TextareaField
          id="content"
          label="お問い合わせ内容"
          hint={`${INQUIRY_CONTENT_MAX}文字以内で入力してください。改行はそのまま送信されます。`}
          maxLength={INQUIRY_CONTENT_MAX}
          length={content.length}
          error={errorMessage('content')}
          registration={register('content')}
        />
        <div className="actions">
          <button id="send-inquiry" type="submit" className="button" disabled={send.isPending}>
            送信する
          </button>
        </div>
      </form>
    </>
  )
}
