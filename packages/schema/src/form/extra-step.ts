import { optionalText } from '../text.ts'
import { evenWithOtherIssues } from '../checks.ts'
import { z } from '../zod.ts'

/** What the text in 屋号・団体名・通称 is: only a 通称 needs a reason (it then identifies the person). */
export const TRADE_NAME_KINDS = ['TRADE_NAME', 'ORGANIZATION', 'ALIAS'] as const
export const TRADE_NAME_KIND_LABELS = { TRADE_NAME: '屋号', ORGANIZATION: '団体名', ALIAS: '通称' } as const

export const OCCUPATIONS = [
  'EMPLOYEE',
  'EXECUTIVE',
  'PUBLIC_SERVANT',
  'SELF_EMPLOYED',
  'FREELANCE',
  'STUDENT',
  'PART_TIME',
  'HOMEMAKER',
  'UNEMPLOYED',
  'OTHER',
] as const
export const OCCUPATION_LABELS = {
  EMPLOYEE: '会社員',
  EXECUTIVE: '会社役員',
  PUBLIC_SERVANT: '公務員',
  SELF_EMPLOYED: '自営業・個人事業主',
  FREELANCE: 'フリーランス',
  STUDENT: '学生',
  PART_TIME: 'パート・アルバイト',
  HOMEMAKER: '専業主婦・主夫',
  UNEMPLOYED: '無職',
  OTHER: 'その他',
} as const

/** 外国PEPs (犯収法施行令 12条3項): a foreign politically exposed person, their family, or a former one. */
export const PEP_STATUSES = ['NONE', 'CURRENT', 'FAMILY', 'FORMER'] as const
export const PEP_STATUS_LABELS = {
  NONE: '該当しない',
  CURRENT: '外国の重要な公人（外国の元首、大臣、大使など）である',
  FAMILY: '外国の重要な公人の家族である',
  FORMER: '過去に外国の重要な公人であった',
} as const

export const extraStep = z
  .strictObject({
    tradeName: optionalText(100),
    tradeNameKind: z.optional(z.enum(TRADE_NAME_KINDS, '屋号・団体名・通称のどれにあたるかを選択してください')),
    aliasReason: optionalText(200),
    occupation: z.enum(OCCUPATIONS, '職業を選択してください'),
    occupationOther: optionalText(100),
    foreignPep: z.enum(PEP_STATUSES, '外国PEPsに該当するかどうかを選択してください'),
  })
  .check(
    z.superRefine(
      (value, ctx) => {
        const issue = (path: string, message: string) => ctx.issues.push({ code: 'custom', path: [path], input: value, message })
        if (value.tradeName && !value.tradeNameKind) issue('tradeNameKind', '屋号・団体名・通称のどれにあたるかを選択してください')
        if (value.tradeName && value.tradeNameKind === 'ALIAS' && !value.aliasReason) {
          issue('aliasReason', '通称を用いる理由を入力してください（例：外国人のため）')
        }
        if (value.occupation === 'OTHER' && !value.occupationOther) issue('occupationOther', '職業を具体的に入力してください')
      },
      evenWithOtherIssues,
    ),
    // Answers that only make sense with another answer are dropped when that answer is gone.
    z.overwrite((value) => {
      const alias = Boolean(value.tradeName) && value.tradeNameKind === 'ALIAS'
      return {
        ...value,
        tradeNameKind: value.tradeName ? value.tradeNameKind : undefined,
        aliasReason: alias ? value.aliasReason : '',
        occupationOther: value.occupation === 'OTHER' ? value.occupationOther : '',
      }
    }),
  )
export type ExtraStep = z.infer<typeof extraStep>
