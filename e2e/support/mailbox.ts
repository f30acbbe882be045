import { expect, type APIRequestContext } from '@playwright/test'

export interface Mail {
  id: string
  template: string
  to: string
  subject: string
  text: string
  status: string
  createdAt: string
}

export { uniqueEmail } from '@kakunin/test-data/accounts'

/** The development mailbox for one address, newest first. */
export async function mailsTo(request: APIRequestContext, to: string): Promise<Mail[]> {
  const response = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(to)}`)
  expect(response.status()).toBe(200)
  return ((await response.json()) as { mails: Mail[] }).mails
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
