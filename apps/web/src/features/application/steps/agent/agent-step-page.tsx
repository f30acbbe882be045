import { useFormContext, useWatch } from 'react-hook-form'
import type { ApplicantApplication } from '@kakunin/schema/application'
import {
  ADULT_AGE,
  MINOR_NEEDS_GUARDIAN_MESSAGE,
  minorGuardianIssue,
  RELATIONSHIP_LABELS,
  RELATIONSHIPS,
} from '@kakunin/schema/form/agent-step'
import { RadioGroup } from '#src/components/form/radio-group.tsx'
import { TextField } from '#src/components/form/text-field.tsx'
import { useErrorMessage } from '#src/components/form/use-error-message.ts'
import { EMPTY_PERSON } from '#src/features/application/steps/empty-person.ts'
import { PersonFields, type PersonLabels } from '#src/features/application/steps/person-fields.tsx'
import { StepScreen, type StepSetup } from '#src/features/application/steps/step-screen.tsx'
import { agentResolver, type AgentFormValues } from './agent-resolver.ts'

const labels: PersonLabels = {
  name: '代理人の氏名',
  nameHint: '代理人の方の氏名を、本人確認書類と同じ表記で入力してください。（例：姓 山田、名 花子）',
  birthDate: '代理人の生年月日',
  birthDateHint: '代理人の方の生年月日を入力してください。',
  address: '代理人の所在地',
  addressHint: '代理人の方のご住所を入力してください。',
}

function setup(application: ApplicantApplication): StepSetup<'agent', AgentFormValues> {
  const saved = application.answers.agent
  return {
    defaultValues: {
      hasAgent: saved?.hasAgent,
      agent: saved?.hasAgent === 'YES' ? saved.agent : { ...EMPTY_PERSON, relationshipOther: '' },
    },
    resolver: agentResolver(application.answers.user?.birthDate),
  }
}

/** 代理人情報: only when someone other than the login address's holder fills in the form. */
export function AgentStepPage() {
  return (
    <StepScreen step="agent" setup={setup}>
      {(application) => (
        // The same check as on submit, asked without an agent: is a 法定代理人 needed at all?
        <AgentFields minor={minorGuardianIssue(application.answers.user?.birthDate, undefined) !== null} />
      )}
    </StepScreen>
  )
}

function AgentFields({ minor }: { minor: boolean }) {
  const { register } = useFormContext<AgentFormValues>()
  const errorMessage = useErrorMessage()
  const [hasAgent, relationship] = useWatch<AgentFormValues, ['hasAgent', 'agent.relationship']>({
    name: ['hasAgent', 'agent.relationship'],
  })
  const relationshipOther = (
    <TextField
      id="agent-relationshipOther"
      label="代表者との関係（その他）"
      hint="具体的に入力してください。（例：取引先の担当者）"
      error={errorMessage('agent.relationshipOther')}
      registration={register('agent.relationshipOther')}
    />
  )
  return (
    <>
      {minor && (
        <div className="notice">
          <p>
            ご入力いただいた利用者の生年月日では、利用者は{ADULT_AGE}歳未満です。{MINOR_NEEDS_GUARDIAN_MESSAGE}。
          </p>
        </div>
      )}
      <RadioGroup
        id="hasAgent"
        legend="取引時確認の入力担当者は、Twilioコンソールログイン用メールアドレスの保有者と異なりますか"
        hint={
          <>
            <p>入力担当者が保有者と異なる場合（代理人が入力する場合）は「はい」を選び、代理人の情報を入力してください。</p>
            <p>{MINOR_NEEDS_GUARDIAN_MESSAGE}。</p>
          </>
        }
        options={[
          { value: 'YES', label: 'はい、異なります（代理人が入力しています）' },
          { value: 'NO', label: 'いいえ、保有者本人が入力しています' },
        ]}
        error={errorMessage('hasAgent')}
        registration={register('hasAgent')}
      />
      {hasAgent === 'YES' && (
        <section className="subsection" aria-labelledby="agent-heading">
          <h2 id="agent-heading">代理人の情報</h2>
          <PersonFields prefix="agent." labels={labels} autoCompleteSection="agent" />
          <RadioGroup
            id="agent-relationship"
            legend="代表者との関係"
            hint="Twilioコンソールログイン用メールアドレスを保有している方との関係を選択してください。（例：チームメイト、友達）"
            options={RELATIONSHIPS.map((value) => ({
              value,
              label: RELATIONSHIP_LABELS[value],
              conditional: value === 'OTHER' && relationship === 'OTHER' ? relationshipOther : undefined,
            }))}
            error={errorMessage('agent.relationship')}
            registration={register('agent.relationship')}
          />
        </section>
      )}
    </>
  )
}
