import { expect, type APIRequestContext } from '@playwright/test'
import type { paths } from '@kakunin/api-client'
import { apiClient } from './api-client.ts'

/** A mail as the development mailbox lists it. */
export type Mail = paths['/api/dev/mailbox']['get']['responses'][200]['content']['application/json']['mails'][number]

export { uniqueEmail } from '@kakunin/test-data/accounts'

/** The development mailbox for one address, newest first. */
export async function mailsTo(request: APIRequestContext, to: string): Promise<Mail[]> {
  const { data, response } = await apiClient(request).GET('/api/dev/mailbox', { params: { query: { to } } })
  expect(response.status).toBe(200)
  return data!.mails
}

/**
 * Waits for the `count`-th mail of a template to arrive for `to` (the outbox worker sends them a
 * moment after the request that queued them) and returns the newest one.
 */
export async function waitForMail(request: APIRequestContext, to: string, template: string, count = 1): Promise<Mail> {
  let found: Mail[] = []
  await expect
    .poll(
      async () => {
        found = (await mailsTo(request, to)).filter((mail) => mail.template === template)
        return found.length
      },
      { message: `${count} ${template} mail(s) to ${to}`, timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(count)
  return found[0]!
}

/** The resume link in a mail's text (one line, a URL ending in /resume/<token>). */
export function resumeLinkIn(mail: Mail): string {
  const link = mail.text.match(/https?:\/\/\S+\/resume\/[A-Za-z0-9_-]+/)?.[0]
  expect(link, `a resume link in: ${mail.text}`).toBeTruthy()
  return link!
}

/** The owner's confirmation link in a mail's text (one line, a URL ending in /link-confirm/<token>). */
export function confirmationLinkIn(mail: Mail): string {
  const link = mail.text.match(/https?:\/\/\S+\/link-confirm\/[A-Za-z0-9_-]+/)?.[0]
  expect(link, `a confirmation link in: ${mail.text}`).toBeTruthy()
  return link!
}
