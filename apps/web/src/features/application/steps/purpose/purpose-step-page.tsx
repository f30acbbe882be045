import { useFormContext, useWatch } from 'react-hook-form'
import type * as z from 'zod/mini'
import { PURPOSE_LABELS, PURPOSES, purposeStep } from '@kakunin/schema/form/purpose-step'
import { CheckboxField } from '#src/components/form/checkbox-field.tsx'
import { CheckboxGroup } from '#src/components/form/checkbox-group.tsx'
import { TextField } from '#src/components/form/text-field.tsx'
import { useErrorMessage } from '#src/components/form/use-error-message.ts'
import { schemaResolver } from '#src/lib/schema-resolver.ts'
import { StepScreen } from '#src/features/application/steps/step-screen.tsx'

type Values = z.input<typeof purposeStep>

const resolver = schemaResolver(purposeStep)
const EMPTY: Values = { purposes: [], purposeOther: '', highValueTransactions: false }

/**
 * 内容・目的: why the account is used, and whether it may carry transactions of 200万円 or more.
 * The article's label says 以上; the hint gives the law's threshold exactly (法4条2項, 令11条: 超える).
 */
export function PurposeStepPage() {
  return (
    <StepScreen step="purpose" setup={(application) => ({ defaultValues: application.answers.purpose ?? EMPTY, resolver })}>
      <PurposeFields />
    </StepScreen>
  )
}

function PurposeFields() {
  const { register } = useFormContext<Values>()
  const errorMessage = useErrorMessage()
  const purposes = useWatch<Values, 'purposes'>({ name: 'purposes' })
  const other = (
    <TextField
      id="purposeOther"
      label="その他の目的"
      hint="具体的に入力してください。（例：社内向けの電話会議システムを作るため）"
      error={errorMessage('purposeOther')}
      registration={register('purposeOther')}
    />
  )
  return (
    <>
      <CheckboxGroup
        id="purposes"
        legend="取引を行う目的"
        hint="Twilioの利用目的を、当てはまるものすべて選択してください。（例：SMSを使ってチャットボットを作る、自動音声応答作成のため）"
        options={PURPOSES.map((purpose) => ({
          value: purpose,
          label: PURPOSE_LABELS[purpose],
          conditional: purpose === 'OTHER' && purposes?.includes('OTHER') ? other : undefined,
        }))}
        error={errorMessage('purposes')}
        registration={register('purposes')}
      />
      <CheckboxField
        id="highValueTransactions"
        legend="取引内容"
        label="Twilioを200万円以上の財産の取引に使用する可能性がある"
        hint="該当する場合はチェックしてください。法令（犯罪収益移転防止法）では、200万円を超える財産の移転を伴う取引が対象です。"
        error={errorMessage('highValueTransactions')}
        registration={register('highValueTransactions')}
      />
    </>
  )
}
