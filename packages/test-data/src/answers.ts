// The customer, the agent and the answers of each step: one valid value each, so a test spells
// out only what it changes. Typed by the shared schemas' input.
import type { address } from '@kakunin/schema/address'
import type { agentPerson, agentStep } from '@kakunin/schema/form/agent-step'
import type { firstTimeApplication, linkVerifiedApplication } from '@kakunin/schema/form/application-form'
import type { extraStep } from '@kakunin/schema/form/extra-step'
import type { loginStep } from '@kakunin/schema/form/login-step'
import type { purposeStep } from '@kakunin/schema/form/purpose-step'
import type { typeStep } from '@kakunin/schema/form/type-step'
import type { userStep } from '@kakunin/schema/form/user-step'
import type { z } from '@kakunin/schema/zod'

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

type Input<T extends z.ZodMiniType> = z.input<T>

/** The customer (利用者情報) with overrides; the address merged field by field. */
export const customer = (overrides: Partial<Omit<Input<typeof userStep>, 'address'>> & { address?: Partial<Input<typeof address>> } = {}): Input<typeof userStep> => ({
  ...validUser,
  ...overrides,
  address: { ...validAddress, ...overrides.address },
})

/** A complete first-time application, each step overridable. */
export const firstTimeAnswers = (overrides: Partial<Input<typeof firstTimeApplication>> = {}): Input<typeof firstTimeApplication> => ({
  ...validApplication,
  ...overrides,
})

/** A complete 2回目以降 application: お申し込み内容 and Twilioログイン情報 with the verified SID. */
export const linkAnswers = (verifiedAccountSid: string, login: Partial<Input<typeof loginStep>> = {}): Input<typeof linkVerifiedApplication> => ({
  type: validType,
  login: { ...validLogin, verifiedAccountSid, ...login },
})
