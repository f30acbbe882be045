import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test'
import type { paths } from '@kakunin/api-client'
import type { StepId } from '@kakunin/schema/form/steps'
import { validApplication } from '@kakunin/test-data/answers'
import { apiClient } from './api-client.ts'
import { newAccountSid } from './answers.ts'
import { statusOf } from './database.ts'
import { e2e } from './environment.ts'
import { uniqueEmail } from './mailbox.ts'
import { verifyThroughApi } from './verification.ts'

export interface SentApplication {
  id: string
  reference: string
  accountSid: string
  loginEmail: string
}

type Login = (typeof validApplication)['login']

// TypeScript cannot pair the steps of a loop with their routes, so the loop names the route of
// `step` and the body as the union of every step's; checked here once per step instead: the
// answers of each step make the body its route documents.
type StepPath = `/api/applications/{id}/steps/${StepId}`
type StepBody<S extends StepId> = NonNullable<paths[`/api/applications/{id}/steps/${S}`]['put']['requestBody']>['content']['application/json']
type Answers = typeof validApplication
type UndocumentedStep = { [S in StepId]: { version: number; values: Answers[S] } extends StepBody<S> ? never : S }[StepId]
const everyStepDocumented: [UndocumentedStep] extends [never] ? true : UndocumentedStep = true
void everyStepDocumented

/** Every step saved with valid answers, then 送信 (SUBMITTED), in the session of `applicant`. */
async function submitIn(applicant: APIRequestContext, login: Login): Promise<SentApplication> {
  const api = apiClient(applicant)
  const answers = { ...validApplication, login }
  const created = await api.POST('/api/applications', { body: { flow: 'FIRST_TIME' } })
  expect(created.response.status).toBe(201)
  const { id, reference } = created.data!
  let { version } = created.data!
  for (const step of Object.keys(answers) as StepId[]) {
    const path: StepPath = `/api/applications/{id}/steps/${step}`
    const saved = await api.PUT(path, { params: { path: { id } }, body: { version, values: answers[step] } as StepBody<StepId> })
    expect(saved.response.status, JSON.stringify(saved.error)).toBe(200)
    ;({ version } = saved.data!)
  }
  const submitted = await api.POST('/api/applications/{id}/submit', { params: { path: { id } }, body: { version } })
  expect(submitted.response.status, JSON.stringify(submitted.error)).toBe(200)
  return { id, reference, accountSid: login.accountSid, loginEmail: login.loginEmail }
}

/**
 * A first-time application for `accountSid`, sent (SUBMITTED) through the applicant's API with
 * valid answers, in a session of its own. The browser's way there has its own tests; here it is
 * only a precondition.
 */
export async function submittedThroughApi(accountSid = newAccountSid()): Promise<SentApplication> {
  const applicant = await playwrightRequest.newContext({ baseURL: e2e.baseURL })
  try {
    return await submitIn(applicant, { ...validApplication.login, accountSid })
  } finally {
    await applicant.dispose()
  }
}

/**
 * An Account SID that passed 取引時確認: sent as above, then verified through the sandbox eKYC's
 * API with an ID that matches the form (only a verification of record approves; staff alone
 * cannot), and approved by the sandbox reviewer. Its login address is this test's own, so the
 * owner's confirmation mails of a link citing it can be read from the mailbox.
 */
export async function approvedAccountSid(request: APIRequestContext, loginEmail = uniqueEmail('owner')): Promise<SentApplication> {
  const applicant = await playwrightRequest.newContext({ baseURL: e2e.baseURL })
  try {
    const sent = await submitIn(applicant, { ...validApplication.login, accountSid: newAccountSid(), loginEmail })
    const started = await apiClient(applicant).POST('/api/applications/{id}/verifications', { params: { path: { id: sent.id } } })
    expect(started.response.status, JSON.stringify(started.error)).toBe(201)
    const { url } = started.data!
    const { user } = validApplication
    const { prefecture, city, town, building } = user.address
    await verifyThroughApi(request, url, {
      familyName: user.familyName,
      givenName: user.givenName,
      birthDate: user.birthDate,
      address: `${prefecture}${city}${town}${building}`,
    })
    await expect.poll(() => statusOf(sent.reference), { message: `${sent.reference} approved by the sandbox reviewer`, timeout: 15_000 }).toBe('APPROVED')
    return sent
  } finally {
    await applicant.dispose()
  }
}
