import type { StepValues } from '@kakunin/schema/form/application-form'

/** A complete, valid first-time application: a 35-year-old without agent or 通称. */
export const validAnswers: StepValues = {
  type: { applicantType: 'INDIVIDUAL' },
  login: {
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    loginEmail: 'taro@example.com',
    contactEmail: 'taro.backup@example.net',
  },
  user: {
    familyName: '山田',
    givenName: '太郎',
    familyNameKana: 'ヤマダ',
    givenNameKana: 'タロウ',
    birthDate: { year: '1990', month: '4', day: '1' },
    address: { postalCode: '150-0002', prefecture: '東京都', city: '渋谷区', town: '渋谷2-21-1', building: '' },
  },
  purpose: { purposes: ['SMS_CHATBOT', 'IVR'], purposeOther: '', highValueTransactions: false },
  extra: { tradeName: '', aliasReason: '', occupation: 'EMPLOYEE', occupationOther: '', foreignPep: 'NONE' },
  agent: { hasAgent: 'NO' },
}

/** A birth date on 1 January that makes its holder exactly `age` years old today. */
export function birthDateForAge(age: number) {
  return { year: String(new Date().getFullYear() - age), month: '1', day: '1' }
}
