import { expect, type Locator, type Page } from '@playwright/test'

export const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: '入力内容に問題があります' })

/**
 * The summary has focus and lists exactly `messages`; each field named in `fields` is marked
 * invalid and described by its message.
 */
export async function expectErrors(page: Page, messages: string[]) {
  const summary = errorSummary(page)
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('listitem')).toHaveText(messages)
}

/** The field is invalid and its aria-describedby reads `message` (and the field keeps its label). */
export async function expectFieldError(field: Locator, message: string) {
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
}

/** Following the summary's link for `message` puts the keyboard on `field`. */
export async function followErrorLink(page: Page, message: string, field: Locator) {
  await errorSummary(page).getByRole('link', { name: message, exact: true }).click()
  await expect(field).toBeFocused()
}

/** The paths of the PUT requests a page sends, to prove a refused step sent nothing. */
export function recordSaves(page: Page): string[] {
  const saves: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'PUT') saves.push(new URL(request.url()).pathname.split('/').pop()!)
  })
  return saves
}
