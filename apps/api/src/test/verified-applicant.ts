import type { StepValues } from '@kakunin/schema/form/application-form'
import type { App } from '#src/app.ts'
import { applicantBrowser } from './applicant-browser.ts'
import { newAccountSid as newSid } from '@kakunin/test-data/accounts'
import { documentDetails as detailsOf } from '@kakunin/test-data/documents'
import { sandboxPhone } from './sandbox-phone.ts'
import { validAnswers } from './valid-answers.ts'

export { newAccountSid as newSid } from '@kakunin/test-data/accounts'
export { documentDetails as detailsOf } from '@kakunin/test-data/documents'

/**
 * A first-time applicant taken through the real eKYC: the form submitted, a QR code opened, the
 * phone flow with an ID that matches. The sandbox reviewer then decides (at once in tests):
 * APPROVED, or ENHANCED_REVIEW for a high-risk customer.
 */
export async function verifiedApplicant(app: App, overrides: Partial<Omit<StepValues, 'login'>> & { login?: Partial<StepValues['login']> } = {}) {
  const accountSid = newSid()
  const answers: StepValues = { ...validAnswers, ...overrides, login: { ...validAnswers.login, accountSid, ...overrides.login } }
  const browser = await applicantBrowser(app)
  await browser.submitComplete(answers)
  const started = await browser.send('POST', `/api/applications/${browser.id}/verifications`)
  if (started.statusCode !== 201) throw new Error(`verification failed to start: ${started.body}`)
  const completed = await sandboxPhone(app, started.json().url).verify(detailsOf(answers.user))
  if (completed.statusCode !== 204) throw new Error(`phone flow failed: ${completed.body}`)
  const application = await browser.refresh()
  return { browser, id: browser.id, sid: answers.login.accountSid, answers, status: application.status as string, reference: application.reference as string }
}
