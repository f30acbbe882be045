import { randomBytes } from 'node:crypto'

/** What a test types into the applicant's form, in the words the form shows. */
export interface PersonAnswers {
  familyName: string
  givenName: string
  familyNameKana: string
  givenNameKana: string
  birthDate: { year: string; month: string; day: string }
  address: {
    postalCode: string
    /** Left out to fill 都道府県・市区町村・町域 with 住所を検索 and append `town` to what it found. */
    prefecture?: string
    city?: string
    town: string
    building?: string
  }
}

export interface AgentAnswers extends PersonAnswers {
  relationship: string
  relationshipOther?: string
}

export interface FormAnswers {
  /** `verifiedAccountSid` only in the already-verified flow (2回目以降). */
  login: { accountSid: string; verifiedAccountSid?: string; loginEmail: string; contactEmail: string }
  user: PersonAnswers
  purpose: { purposes: string[]; purposeOther?: string; highValueTransactions: boolean }
  extra: { tradeName?: string; tradeNameKind?: string; aliasReason?: string; occupation: string; occupationOther?: string; foreignPep: string }
  agent: AgentAnswers | null
}

/** A fresh Account SID per test, so tests never look at each other's rows. */
export const newAccountSid = () => `AC${randomBytes(16).toString('hex')}`

/** A birth date that makes someone `age` today in Japan (their birthday was earlier this year). */
export function birthDateAged(age: number): PersonAnswers['birthDate'] {
  const [year] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()).split('-').map(Number)
  return { year: String(year! - age - 1), month: '12', day: '31' }
}

export function sampleAnswers(overrides: Partial<FormAnswers> = {}): FormAnswers {
  return {
    login: { accountSid: newAccountSid(), loginEmail: 'taro@example.com', contactEmail: 'taro.contact@example.net' },
    user: {
      familyName: '山田',
      givenName: '太郎',
      familyNameKana: 'ヤマダ',
      givenNameKana: 'タロウ',
      birthDate: { year: '1990', month: '4', day: '1' },
      address: { postalCode: '150-0002', prefecture: '東京都', city: '渋谷区', town: '渋谷2丁目21-1', building: '' },
    },
    purpose: { purposes: ['SMSを使ったチャットボット'], highValueTransactions: false },
    extra: { occupation: '会社員', foreignPep: '該当しない' },
    agent: null,
    ...overrides,
  }
}
