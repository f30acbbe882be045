import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test'
import { validApplication } from '@kakunin/test-data/answers'
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

/** Every step saved with valid answers, then 送信 (SUBMITTED), in the session of `applicant`. */
async function submitIn(applicant: APIRequestContext, login: Login): Promise<SentApplication> {
  const answers = { ...validApplication, login }
  const created = await applicant.post('/api/applications', { data: { flow: 'FIRST_TIME' } })
  expect(created.status()).toBe(201)
  const { id, reference } = (await created.json()) as { id: string; reference: string }
  let { version } = (await created.json()) as { version: number }
  for (const [step, values] of Object.entries(answers)) {
    const saved = await applicant.put(`/api/applications/${id}/steps/${step}`, { data: { version, values } })
    expect(saved.status(), await saved.text()).toBe(200)
    ;({ version } = (await saved.json()) as { version: number })
  }
  const submitted = await applicant.post(`/api/applications/${id}/submit`, { data: { version } })
  expect(submitted.status(), await submitted.text()).toBe(200)
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
    const started = await applicant.post(`/api/applications/${sent.id}/verifications`, { data: {} })
    expect(started.status(), await started.text()).toBe(201)
    const { url } = (await started.json()) as { url: string }
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
