import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test'
import { validApplication } from '@kakunin/schema/form/fixtures'
import { newAccountSid } from './answers.ts'
import { e2e } from './environment.ts'
import { staffApi } from './staff.ts'

export interface SentApplication {
  id: string
  reference: string
  accountSid: string
}

/**
 * A first-time application for `accountSid`, sent (SUBMITTED) through the applicant's API with
 * valid answers, in a session of its own. The browser's way there has its own tests; here it is
 * only a precondition.
 */
export async function submittedThroughApi(accountSid = newAccountSid()): Promise<SentApplication> {
  const applicant = await playwrightRequest.newContext({ baseURL: e2e.baseURL })
  try {
    const answers = { ...validApplication, login: { ...validApplication.login, accountSid } }
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
    return { id, reference, accountSid }
  } finally {
    await applicant.dispose()
  }
}

/** An Account SID that passed 取引時確認: sent as above, then approved by a reviewer through the staff API. */
export async function approvedAccountSid(request: APIRequestContext): Promise<SentApplication> {
  const sent = await submittedThroughApi()
  await staffApi(request).decide(sent.id, { decision: 'APPROVE' })
  return sent
}
