import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { expectStep } from '../support/applicant-form.ts'
import { sampleAnswers } from '../support/answers.ts'
import { chooseDocument, openOnPhone, showQrCode, submitApplication, takePhoto } from '../support/verification.ts'

// The Content-Security-Policy is strict (no 'unsafe-inline', no 'unsafe-eval'): every screen must
// run under it without the browser blocking a script, a style or an image.

interface Violation {
  directive: string
  blocked: string
  source: string
}

/** Records what the policy blocks on every page of the context, and console errors naming it. */
async function watchPolicy(context: BrowserContext) {
  const violations: Violation[] = []
  const consoleErrors: string[] = []
  await context.exposeBinding('reportCspViolation', (_source, violation: Violation) => {
    violations.push(violation)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (v: Violation) => void }).reportCspViolation
      void report({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` })
    })
  })
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text())
  })
  return { violations, consoleErrors }
}

/** The policy the document was served with. */
async function policyOf(page: Page, path: string) {
  const response = await page.request.get(path, { headers: { accept: 'text/html' } })
  expect(response.status()).toBe(200)
  return response.headers()['content-security-policy'] ?? ''
}

test.describe('the Content-Security-Policy', () => {
  test('is sent with the SPA, strict, and blocks nothing on the applicant’s screens', async ({ page, browser }) => {
    const watched = await watchPolicy(page.context())

    const policy = await policyOf(page, '/')
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("base-uri 'none'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).not.toContain('unsafe-inline')
    expect(policy).not.toContain('unsafe-eval')

    // The entry question, every form step, the confirmation, then the QR code.
    await submitApplication(page, sampleAnswers())
    const url = await showQrCode(page)

    // The phone: document choice and a photo taken (its preview too).
    const { context, phone } = await openOnPhone(browser, url)
    const phoneWatched = await watchPolicy(context)
    await phone.reload()
    await chooseDocument(phone)
    await takePhoto(phone, '表面')

    // お問い合わせ, from the footer as an applicant reaches it (once `/` has led to where the
    // application stands: before that the footer still moves).
    await page.goto('/')
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
    await page.getByRole('contentinfo').getByRole('link', { name: 'お問い合わせ' }).click()
    await expectStep(page, '/inquiry', 'お問い合わせ')

    expect(watched.violations).toEqual([])
    expect(watched.consoleErrors).toEqual([])
    expect(phoneWatched.violations).toEqual([])
    expect(phoneWatched.consoleErrors).toEqual([])
    await context.close()
  })

  test('the watcher sees a violation when there is one', async ({ page }) => {
    // Proof that the checks above can fail: an inline script is what the policy forbids.
    const watched = await watchPolicy(page.context())
    await page.goto('/')
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.inlineRan = true'
      document.body.append(script)
    })
    await expect.poll(() => watched.violations.map((violation) => violation.directive)).toContain('script-src-elem')
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined()
  })

  test('Swagger UI runs under its own policy', async ({ page }) => {
    const watched = await watchPolicy(page.context())
    const policy = await policyOf(page, '/docs/')
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain('unsafe')
    await page.goto('/docs/')
    await expect(page.getByRole('heading', { name: /kakunin API/ })).toBeVisible()
    await expect(page.getByText('/api/applications/current').first()).toBeVisible()
    expect(watched.violations).toEqual([])
    expect(watched.consoleErrors).toEqual([])
  })
})
