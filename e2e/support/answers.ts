import { newAccountSid } from '@kakunin/test-data/accounts'
import { customer, validLogin } from '@kakunin/test-data/answers'

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

export { newAccountSid } from '@kakunin/test-data/accounts'
export { birthDateForAge as birthDateAged } from '@kakunin/test-data/birth-date'

/**
 * The shared test customer as a person types them into the form (the choices by their labels),
 * with a fresh Account SID; the town written the way people write it (2丁目21-1).
 */
export function sampleAnswers(overrides: Partial<FormAnswers> = {}): FormAnswers {
  const person = customer({ address: { town: '渋谷2丁目21-1', building: '' } })
  return {
    login: { ...validLogin, accountSid: newAccountSid(), loginEmail: 'taro@example.com', contactEmail: 'taro.contact@example.net' },
    user: { ...person, address: { ...person.address, building: person.address.building ?? '' } },
    purpose: { purposes: ['SMSを使ったチャットボット'], highValueTransactions: false },
    extra: { occupation: '会社員', foreignPep: '該当しない' },
    agent: null,
    ...overrides,
  }
}
