import { formatAddress } from '@kakunin/schema/address'
import { formatBirthDate } from '@kakunin/schema/birth-date'
import { RELATIONSHIP_LABELS } from '@kakunin/schema/form/agent-step'
import type { StepValues } from '@kakunin/schema/form/application-form'
import { OCCUPATION_LABELS, PEP_STATUS_LABELS, TRADE_NAME_KIND_LABELS } from '@kakunin/schema/form/extra-step'
import { fullName, fullNameKana, type Person } from '@kakunin/schema/form/person'
import { PURPOSE_LABELS } from '@kakunin/schema/form/purpose-step'
import type { StepId } from '@kakunin/schema/form/steps'
import { APPLICANT_TYPE_LABELS } from '@kakunin/schema/form/type-step'

export interface AnswerRow {
  label: string
  value: string
  /** The step's fields the row shows (dot paths within the step), to mark those a review flagged. */
  fields?: readonly string[]
}

const withOther = (label: string, other: string) => (other ? `${label}（${other}）` : label)

function personRows(value: Person, labels: { name: string; birthDate: string; address: string }, prefix = ''): AnswerRow[] {
  return [
    { label: labels.name, value: fullName(value), fields: [`${prefix}familyName`, `${prefix}givenName`] },
    { label: `${labels.name}（フリガナ）`, value: fullNameKana(value), fields: [`${prefix}familyNameKana`, `${prefix}givenNameKana`] },
    { label: labels.birthDate, value: formatBirthDate(value.birthDate), fields: [`${prefix}birthDate`] },
    { label: labels.address, value: formatAddress(value.address), fields: [`${prefix}address`] },
  ]
}

/** Each step's answers as the applicant reads them: the form's labels, never the stored codes. */
const ROWS: { [S in StepId]: (value: StepValues[S]) => AnswerRow[] } = {
  type: (value) => [{ label: 'お申し込みの区分', value: APPLICANT_TYPE_LABELS[value.applicantType] }],
  login: (value) => [
    { label: '新しいAccount SID', value: value.accountSid, fields: ['accountSid'] },
    ...(value.verifiedAccountSid
      ? [{ label: '取引時確認済みのAccount SID', value: value.verifiedAccountSid, fields: ['verifiedAccountSid'] }]
      : []),
    { label: 'Twilioコンソールログイン用メールアドレス', value: value.loginEmail, fields: ['loginEmail'] },
    { label: '連絡用メールアドレス', value: value.contactEmail, fields: ['contactEmail'] },
  ],
  user: (value) => personRows(value, { name: '利用者名', birthDate: '利用者 生年月日', address: '利用者 ご住所' }),
  purpose: (value) => [
    {
      label: '取引を行う目的',
      value: value.purposes
        .map((purpose) => (purpose === 'OTHER' ? withOther(PURPOSE_LABELS.OTHER, value.purposeOther) : PURPOSE_LABELS[purpose]))
        .join('、'),
    },
    {
      label: '取引内容',
      value: value.highValueTransactions
        ? 'Twilioを200万円以上の財産の取引に使用する可能性がある'
        : '200万円以上の財産の取引に使用する可能性はない',
    },
  ],
  extra: (value) => [
    {
      label: '屋号・団体名・通称',
      value: value.tradeName && value.tradeNameKind ? `${value.tradeName}（${TRADE_NAME_KIND_LABELS[value.tradeNameKind]}）` : 'なし',
    },
    ...(value.tradeNameKind === 'ALIAS' ? [{ label: '通称を用いる理由', value: value.aliasReason }] : []),
    {
      label: '職業',
      value: value.occupation === 'OTHER' ? withOther(OCCUPATION_LABELS.OTHER, value.occupationOther) : OCCUPATION_LABELS[value.occupation],
    },
    { label: '外国PEPs（外国の重要な公人）への該当', value: PEP_STATUS_LABELS[value.foreignPep] },
  ],
  agent: (value) =>
    value.hasAgent === 'NO'
      ? [{ label: '代理人', value: 'なし（Twilioコンソールログイン用メールアドレスの保有者本人が入力）' }]
      : [
          { label: '代理人', value: 'あり' },
          ...personRows(value.agent, { name: '代理人の氏名', birthDate: '代理人の生年月日', address: '代理人の所在地' }, 'agent.'),
          {
            label: '代表者との関係',
            value:
              value.agent.relationship === 'OTHER'
                ? withOther(RELATIONSHIP_LABELS.OTHER, value.agent.relationshipOther)
                : RELATIONSHIP_LABELS[value.agent.relationship],
          },
        ],
}

export function answerRows<S extends StepId>(step: S, value: StepValues[S]): AnswerRow[] {
  return ROWS[step](value)
}

/** Whether a row shows one of `flagged` (a field of the row, or a part of one: `address.town`). */
export const isFlagged = (row: AnswerRow, flagged: readonly string[]) =>
  flagged.some((field) => row.fields?.some((own) => field === own || field.startsWith(`${own}.`)))
