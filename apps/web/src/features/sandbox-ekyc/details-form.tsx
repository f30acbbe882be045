import { useMemo, useState } from 'react'
import { FormProvider, useForm, type Path } from 'react-hook-form'
import type * as z from 'zod/mini'
import { DOCUMENT_TYPE_LABELS, DOCUMENTS_WITHOUT_NUMBER, sandboxDetailsBody, sandboxDetailsBodyFor, type DocumentType, type UploadKind } from '@kakunin/schema/sandbox-ekyc'
import { BirthDateField } from '#src/components/form/birth-date-field.tsx'
import { collectErrors } from '#src/components/form/collect-errors.ts'
import { ErrorSummary } from '#src/components/form/error-summary.tsx'
import { FieldGroup } from '#src/components/form/field-group.tsx'
import { TextField } from '#src/components/form/text-field.tsx'
import { errorAt } from '#src/components/form/use-error-message.ts'
import { readServerError } from '#src/lib/server-errors.ts'
import { schemaResolver } from '#src/lib/schema-resolver.ts'
import { useCompleteSession } from './api/complete-session.ts'
import { PhoneHeading, PhoneProgress } from './phone-layout.tsx'

type Values = z.input<typeof sandboxDetailsBody>

const EMPTY: Values = {
  familyName: '',
  givenName: '',
  birthDate: { year: '', month: '', day: '' },
  address: '',
  documentNumber: '',
  expiresOn: '',
  issuer: '',
}

const UPLOAD_PREFIX = 'uploads.'

/**
 * Step 3: the details printed on the document, as a vendor's app reads them, then 送信. The API
 * may still find a photo missing: then back to the photos, with what is missing.
 */
export function DetailsForm(props: {
  token: string
  documentType: DocumentType
  onMissingImages: (missing: Partial<Record<UploadKind, string>>) => void
  onBack: () => void
}) {
  const { token, documentType, onMissingImages, onBack } = props
  const complete = useCompleteSession(token)
  // The number's rule depends on the document (no number at all for a マイナンバーカード).
  const resolver = useMemo(() => schemaResolver(sandboxDetailsBodyFor(documentType)), [documentType])
  const form = useForm<Values, unknown, z.output<typeof sandboxDetailsBody>>({ resolver, defaultValues: EMPTY, shouldFocusError: false })
  const [attempt, setAttempt] = useState(0)
  const [message, setMessage] = useState<string>()
  const { errors } = form.formState
  const { register } = form
  const withNumber = !DOCUMENTS_WITHOUT_NUMBER.includes(documentType)

  const onSubmit = form.handleSubmit(
    async (values) => {
      setMessage(undefined)
      try {
        const { documentNumber, ...rest } = values
        await complete.mutateAsync(withNumber ? { ...rest, documentNumber } : rest)
      } catch (error) {
        const problem = readServerError(error)
        const missing: Partial<Record<UploadKind, string>> = {}
        for (const [path, text] of Object.entries(problem.fields)) {
          if (path.startsWith(UPLOAD_PREFIX)) missing[path.slice(UPLOAD_PREFIX.length) as UploadKind] = text
          else form.setError(path as Path<Values>, { type: 'server', message: text })
        }
        if (Object.keys(missing).length > 0) return onMissingImages(missing)
        setMessage(problem.message)
        setAttempt((n) => n + 1)
      }
    },
    () => setAttempt((n) => n + 1),
  )

  return (
    <>
      <PhoneProgress step={3} of={3} />
      <PhoneHeading title="本人確認書類の記載内容を入力する" />
      <p>
        {DOCUMENT_TYPE_LABELS[documentType]}に記載されているとおりに入力してください。（サンドボックスでは、本人確認事業者が書類から読み取る内容を、ここで入力します）
      </p>
      <ErrorSummary attempt={attempt} errors={[...collectErrors(errors), ...(message ? [{ fieldId: 'complete-submit', message }] : [])]} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate>
          <FieldGroup id="name" legend="氏名" hint="本人確認書類と同じ字体で入力してください。（例：姓 山田、名 太郎）">
            <TextField id="familyName" label="姓" width="medium" autoComplete="family-name" error={errorAt(errors, 'familyName')} registration={register('familyName')} />
            <TextField id="givenName" label="名" width="medium" autoComplete="given-name" error={errorAt(errors, 'givenName')} registration={register('givenName')} />
          </FieldGroup>
          <BirthDateField name="birthDate" legend="生年月日" />
          <TextField
            id="address"
            label="住所"
            hint="本人確認書類に記載されている住所を、1行で入力してください。（例：東京都渋谷区渋谷2丁目21番1号）"
            autoComplete="street-address"
            error={errorAt(errors, 'address')}
            registration={register('address')}
          />
          {withNumber ? (
            <TextField
              id="documentNumber"
              label="記号番号"
              required={false}
              hint="本人確認書類に記載されている番号を、記載のとおりに入力してください。（例：旅券番号 TK1234567）"
              autoComplete="off"
              spellCheck={false}
              width="medium"
              error={errorAt(errors, 'documentNumber')}
              registration={register('documentNumber')}
            />
          ) : (
            <p className="notice" id="documentNumber-note">
              マイナンバーカードの個人番号（マイナンバー）はお預かりしません。番号の入力は不要です。
            </p>
          )}
          <TextField
            id="expiresOn"
            label="有効期限"
            required={false}
            hint="西暦で、年-月-日の形で入力してください。（例：2031-04-01）"
            inputMode="numeric"
            autoComplete="off"
            width="medium"
            error={errorAt(errors, 'expiresOn')}
            registration={register('expiresOn')}
          />
          <TextField
            id="issuer"
            label="発行者"
            required={false}
            hint="本人確認書類を発行した機関を入力してください。（例：東京都公安委員会）"
            autoComplete="off"
            error={errorAt(errors, 'issuer')}
            registration={register('issuer')}
          />
          <div className="actions">
            <button id="complete-submit" type="submit" className="button" disabled={complete.isPending}>
              送信
            </button>
            <button type="button" className="button button-secondary" onClick={onBack}>
              撮影に戻る
            </button>
          </div>
        </form>
      </FormProvider>
    </>
  )
}
