import { useFormContext, useWatch } from 'react-hook-form'
import type * as z from 'zod/mini'
import {
  extraStep,
  OCCUPATION_LABELS,
  OCCUPATIONS,
  PEP_STATUS_LABELS,
  PEP_STATUSES,
  TRADE_NAME_KIND_LABELS,
  TRADE_NAME_KINDS,
} from '@kakunin/schema/form/extra-step'
import { RadioGroup } from '#src/components/form/radio-group.tsx'
import { TextField } from '#src/components/form/text-field.tsx'
import { useErrorMessage } from '#src/components/form/use-error-message.ts'
import { schemaResolver } from '#src/lib/schema-resolver.ts'
import { StepScreen } from '#src/features/application/steps/step-screen.tsx'

type Values = z.input<typeof extraStep>

const resolver = schemaResolver(extraStep)
const EMPTY: Partial<Values> = { tradeName: '', aliasReason: '', occupationOther: '' }

/** 補足情報: 屋号・団体名・通称, 職業 and whether the applicant is a foreign PEP. */
export function ExtraStepPage() {
  return (
    <StepScreen step="extra" setup={(application) => ({ defaultValues: application.answers.extra ?? EMPTY, resolver })}>
      <TradeNameFields />
      <OccupationField />
      <ForeignPepField />
    </StepScreen>
  )
}

function TradeNameFields() {
  const { register } = useFormContext<Values>()
  const errorMessage = useErrorMessage()
  const [tradeName, kind] = useWatch<Values, ['tradeName', 'tradeNameKind']>({ name: ['tradeName', 'tradeNameKind'] })
  const aliasReason = (
    <TextField
      id="aliasReason"
      label="通称を用いる理由"
      hint="例：外国人のため"
      error={errorMessage('aliasReason')}
      registration={register('aliasReason')}
    />
  )
  return (
    <>
      <TextField
        id="tradeName"
        label="屋号・団体名・通称"
        hint="屋号や団体名、通称がある場合は入力してください。"
        required={false}
        error={errorMessage('tradeName')}
        registration={register('tradeName')}
      />
      {tradeName?.trim() && (
        <div className="conditional">
          <RadioGroup
            id="tradeNameKind"
            legend="入力した名称の種類"
            options={TRADE_NAME_KINDS.map((value) => ({
              value,
              label: TRADE_NAME_KIND_LABELS[value],
              conditional: value === 'ALIAS' && kind === 'ALIAS' ? aliasReason : undefined,
            }))}
            error={errorMessage('tradeNameKind')}
            registration={register('tradeNameKind')}
          />
        </div>
      )}
    </>
  )
}

function OccupationField() {
  const { register } = useFormContext<Values>()
  const errorMessage = useErrorMessage()
  const occupation = useWatch<Values, 'occupation'>({ name: 'occupation' })
  const other = (
    <TextField
      id="occupationOther"
      label="職業（その他）"
      hint="具体的に入力してください。（例：研究職）"
      error={errorMessage('occupationOther')}
      registration={register('occupationOther')}
    />
  )
  return (
    <RadioGroup
      id="occupation"
      legend="職業"
      hint="ご自身の職業を選択してください。"
      options={OCCUPATIONS.map((value) => ({
        value,
        label: OCCUPATION_LABELS[value],
        conditional: value === 'OTHER' && occupation === 'OTHER' ? other : undefined,
      }))}
      error={errorMessage('occupation')}
      registration={register('occupation')}
    />
  )
}

function ForeignPepField() {
  const { register } = useFormContext<Values>()
  const errorMessage = useErrorMessage()
  return (
    <RadioGroup
      id="foreignPep"
      legend="外国PEPs（外国の重要な公人）への該当"
      hint="外国の元首、大臣、大使などの重要な公人、その家族、または過去にそうであった方は該当します。"
      options={PEP_STATUSES.map((value) => ({ value, label: PEP_STATUS_LABELS[value] }))}
      error={errorMessage('foreignPep')}
      registration={register('foreignPep')}
    />
  )
}
