// Test helpers: one valid value per step, so each test only spells out what it changes.
// Not a test file itself (vitest only collects *.test.ts), but type-checked with the rest of src.
import type { address } from '../address.ts'
import type { BirthDate } from '../birth-date.ts'
import { japanToday } from '../japan-time.ts'
import type { z } from '../zod.ts'
import type { agentPerson, agentStep } from './agent-step.ts'
import type { firstTimeApplication } from './application-form.ts'
import type { extraStep } from './extra-step.ts'
import type { loginStep } from './login-step.ts'
import type { purposeStep } from './purpose-step.ts'
import type { typeStep } from './type-step.ts'
import type { userStep } from './user-step.ts'

/** 'AC' and 32 lower-case hexadecimal digits. */
export const VALID_ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef'

export const validType: z.input<typeof typeStep> = { applicantType: 'INDIVIDUAL' }

export const validLogin: z.input<typeof loginStep> = {
  accountSid: VALID_ACCOUNT_SID,
  loginEmail: 'taro.login@example.com',
  contactEmail: 'taro.contact@example.jp',
}

export const validAddress: z.input<typeof address> = {
  postalCode: '150-0002',
  prefecture: '東京都',
  city: '渋谷区',
  town: '渋谷2-21-1',
  building: 'カクニンビル101',
}

export const validUser: z.input<typeof userStep> = {
  familyName: '山田',
  givenName: '太郎',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'タロウ',
  birthDate: { year: '1990', month: '4', day: '1' },
  address: validAddress,
}

export const validPurpose: z.input<typeof purposeStep> = {
  purposes: ['SMS_NOTIFICATION', 'TWO_FACTOR_AUTH'],
  purposeOther: '',
  highValueTransactions: false,
}

export const validExtra: z.input<typeof extraStep> = {
  tradeName: '',
  aliasReason: '',
  occupation: 'EMPLOYEE',
  occupationOther: '',
  foreignPep: 'NONE',
}

export const validAgentPerson: z.input<typeof agentPerson> = {
  familyName: '山田',
  givenName: '花子',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'ハナコ',
  birthDate: { year: '1965', month: '7', day: '20' },
  address: validAddress,
  relationship: 'FAMILY',
  relationshipOther: '',
}

export const noAgent: z.input<typeof agentStep> = { hasAgent: 'NO' }

export const withAgent = (agent: Partial<z.input<typeof agentPerson>> = {}): z.input<typeof agentStep> => ({
  hasAgent: 'YES',
  agent: { ...validAgentPerson, ...agent },
})

export const validApplication: z.input<typeof firstTimeApplication> = {
  type: validType,
  login: validLogin,
  user: validUser,
  purpose: validPurpose,
  extra: validExtra,
  agent: noAgent,
}

/** A birth date on 1 January, `years` years before this year in Japan: that person is exactly `years` old today. */
export function birthDateAged(years: number): BirthDate {
  return { year: String(japanToday().year - years), month: '1', day: '1' }
}

/** A copy of `value` without `key`, to test a missing field. */
export function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== String(key))) as Omit<T, K>
}

/** ASCII typed in full width, as an IME in 全角 mode produces it. */
export function toFullWidth(value: string): string {
  return value.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
}

interface Parseable {
  safeParse(input: unknown): { success: true } | { success: false; error: { issues: readonly IssueLocation[] } }
}
interface IssueLocation {
  path: readonly PropertyKey[]
  message: string
}

/** Where and how `input` fails `schema`: each issue's path and message ([] when it passes). */
export function issuesOf(schema: Parseable, input: unknown): IssueLocation[] {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path: [...path], message }))
}
