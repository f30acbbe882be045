import type { StepValues } from '@kakunin/schema/form/application-form'
import { customer, firstTimeAnswers, validExtra, validLogin, validPurpose } from '@kakunin/test-data/answers'

/**
 * The API suite's applicant: the shared test customer (a 35-year-old without agent or 通称), with
 * the login addresses and purposes these tests assert on, and no building (the sandbox licence
 * in sandbox-phone.ts reads the address without one).
 */
export const validAnswers: StepValues = firstTimeAnswers({
  login: { ...validLogin, loginEmail: 'taro@example.com', contactEmail: 'taro.backup@example.net' },
  user: customer({ address: { building: '' } }),
  purpose: { ...validPurpose, purposes: ['SMS_CHATBOT', 'IVR'] },
  extra: validExtra,
}) as StepValues
