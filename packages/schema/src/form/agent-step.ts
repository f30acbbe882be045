import { ageOn, type BirthDate } from '../birth-date.ts'
import { optionalText } from '../text.ts'
import { evenWithOtherIssues } from '../checks.ts'
import { z } from '../zod.ts'
import { isSamePerson, personFields } from './person.ts'

export const ADULT_AGE = 18

export const RELATIONSHIPS = ['TEAMMATE', 'FRIEND', 'FAMILY', 'LEGAL_GUARDIAN', 'OTHER'] as const
export type Relationship = (typeof RELATIONSHIPS)[number]
export const RELATIONSHIP_LABELS = {
  TEAMMATE: 'チームメイト',
  FRIEND: '友達',
  FAMILY: '家族',
  LEGAL_GUARDIAN: '法定代理人（親権者・後見人）',
  OTHER: 'その他',
} as const

export const agentPerson = z
  .strictObject({
    ...personFields,
    relationship: z.enum(RELATIONSHIPS, '代表者との関係を選択してください'),
    relationshipOther: optionalText(100),
  })
  .check(
    z.superRefine(
      (value, ctx) => {
      if (value.relationship === 'OTHER' && !value.relationshipOther) {
        ctx.issues.push({
          code: 'custom',
          path: ['relationshipOther'],
          input: value.relationshipOther,
          message: '代表者との関係を具体的に入力してください',
        })
      }
      if (isCompleteDate(value.birthDate) && ageOn(value.birthDate) < ADULT_AGE) {
        ctx.issues.push({
          code: 'custom',
          path: ['birthDate'],
          input: value.birthDate,
          message: `代理人は${ADULT_AGE}歳以上の方に限ります`,
        })
      }
      },
      evenWithOtherIssues,
    ),
    z.overwrite((value) => (value.relationship === 'OTHER' ? value : { ...value, relationshipOther: '' })),
  )
export type AgentPerson = z.infer<typeof agentPerson>

function isCompleteDate(value: unknown): value is BirthDate {
  const date = value as Partial<BirthDate> | undefined
  return [date?.year, date?.month, date?.day].every((part) => typeof part === 'string' && /^\d+$/.test(part))
}

/**
 * 代理人情報: all or nothing. "No agent" carries no agent fields at all, so half an agent can never
 * be stored.
 */
export const agentStep = z.discriminatedUnion(
  'hasAgent',
  [z.strictObject({ hasAgent: z.literal('NO') }), z.strictObject({ hasAgent: z.literal('YES'), agent: agentPerson })],
  '代理人がいるかどうかを選択してください',
)
export type AgentStep = z.infer<typeof agentStep>

export const MINOR_NEEDS_GUARDIAN_MESSAGE = `利用者が${ADULT_AGE}歳未満の場合は、法定代理人（親権者・後見人）を代理人として入力してください`

/**
 * An applicant under 18 needs a 法定代理人 as agent. Returns the path and message of the problem,
 * or null; the agent step (which knows the user's birth date) and the whole application both use it.
 */
export function minorGuardianIssue(
  userBirthDate: BirthDate | undefined,
  agent: AgentStep | undefined,
): { path: string[]; message: string } | null {
  if (!userBirthDate || ageOn(userBirthDate) >= ADULT_AGE) return null
  if (agent?.hasAgent !== 'YES') return { path: ['hasAgent'], message: MINOR_NEEDS_GUARDIAN_MESSAGE }
  if (agent.agent.relationship !== 'LEGAL_GUARDIAN') return { path: ['agent', 'relationship'], message: MINOR_NEEDS_GUARDIAN_MESSAGE }
  return null
}

export const AGENT_IS_USER_MESSAGE = '代理人には、利用者ご本人以外の方を入力してください（ご本人がお手続きする場合は「代理人なし」を選択してください）'

/**
 * A 代理人 is someone else (犯収法4条4項): an agent with the user's own name and birth date would
 * make one person's verification count twice.
 */
export function agentIsUserIssue(
  user: { familyName: string; givenName: string; birthDate: BirthDate } | undefined,
  agent: AgentStep | undefined,
): { path: string[]; message: string } | null {
  if (!user || agent?.hasAgent !== 'YES') return null
  return isSamePerson(agent.agent, user) ? { path: ['agent', 'familyName'], message: AGENT_IS_USER_MESSAGE } : null
}
