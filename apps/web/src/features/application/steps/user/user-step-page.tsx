import { userStep } from '@kakunin/schema/form/user-step'
import { schemaResolver } from '#src/lib/schema-resolver.ts'
import { EMPTY_PERSON } from '#src/features/application/steps/empty-person.ts'
import { PersonFields, type PersonLabels } from '#src/features/application/steps/person-fields.tsx'
import { StepScreen } from '#src/features/application/steps/step-screen.tsx'

const resolver = schemaResolver(userStep)

const OWNER = 'Twilioコンソールログイン用メールアドレスを保有している方'

const labels: PersonLabels = {
  name: '利用者名',
  nameHint: `${OWNER}の氏名を、本人確認書類と同じ表記で入力してください。（例：姓 山田、名 太郎）`,
  birthDate: '利用者 生年月日',
  birthDateHint: `${OWNER}の生年月日を入力してください。`,
  address: '利用者 ご住所',
  addressHint: `${OWNER}のご住所を、本人確認書類と同じ内容で入力してください。`,
}

/** 利用者情報: the person who holds the console login address, as on their identity document. */
export function UserStepPage() {
  return (
    <StepScreen step="user" setup={(application) => ({ defaultValues: application.answers.user ?? EMPTY_PERSON, resolver })}>
      <PersonFields prefix="" labels={labels} />
    </StepScreen>
  )
}
