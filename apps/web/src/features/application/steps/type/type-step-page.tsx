import { useFormContext, useWatch } from 'react-hook-form'
import { Link } from 'wouter'
import type * as z from 'zod/mini'
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, CORPORATE_MESSAGE, typeStep } from '@kakunin/schema/form/type-step'
import { RadioGroup } from '#src/components/form/radio-group.tsx'
import { useErrorMessage } from '#src/components/form/use-error-message.ts'
import { schemaResolver } from '#src/lib/schema-resolver.ts'
import { APPLICATION_INQUIRY_PATH } from '#src/lib/support-paths.ts'
import { StepScreen } from '#src/features/application/steps/step-screen.tsx'

type Values = z.input<typeof typeStep>

const resolver = schemaResolver(typeStep)

/** お申し込み内容の入力: individuals continue; corporations learn theirs is another procedure. */
export function TypeStepPage() {
  return (
    <StepScreen step="type" setup={(application) => ({ defaultValues: application.answers.type ?? {}, resolver })}>
      <TypeFields />
    </StepScreen>
  )
}

function TypeFields() {
  const { register } = useFormContext<Values>()
  const errorMessage = useErrorMessage()
  const applicantType = useWatch<Values, 'applicantType'>({ name: 'applicantType' })
  const error = errorMessage('applicantType')
  return (
    <>
      <RadioGroup
        id="applicantType"
        legend="お申し込みの区分"
        hint="個人のお客様は「個人として申し込み」を選択してください。"
        options={APPLICANT_TYPES.map((type) => ({ value: type, label: APPLICANT_TYPE_LABELS[type] }))}
        error={error}
        registration={register('applicantType')}
      />
      {/* Said as soon as 法人 is chosen; once 次へ has failed, the error beside the field says it. */}
      {/* The way onward, whichever of the two says it: 法人 must not be a dead end. */}
      <div role="status">
        {applicantType === 'CORPORATE' && (
          <div className="notice">
            {!error && <p>{CORPORATE_MESSAGE}</p>}
            <p>
              法人としてのお手続きについては、<Link href={APPLICATION_INQUIRY_PATH}>お問い合わせ</Link>
              からご連絡ください。担当者より法人のお客様向けのお手続きをご案内します。
            </p>
          </div>
        )}
      </div>
    </>
  )
}
