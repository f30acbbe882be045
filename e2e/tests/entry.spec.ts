import { expect, test } from '@playwright/test'
import { referencePattern } from '@kakunin/schema/application'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { currentApplication, expectStep } from '../support/applicant-form.ts'
import { queryDatabase } from '../support/database.ts'

test.describe('初回登録: the entry question', () => {
  test('choosing 持っていない creates a DRAFT application with its event and opens the first step', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: '取引時確認情報の登録' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)

    await page.getByRole('radio', { name: '持っていない' }).check()
    await page.getByRole('button', { name: '次へ' }).click()

    await expectStep(page, '/apply/type', 'お申し込み内容の入力')
    await expect(page.getByText('ステップ 1 / 6')).toBeVisible()
    const { reference } = await currentApplication(page)
    expect(reference).toMatch(referencePattern)

    const rows = await queryDatabase<{ status: string; flow: string; type: string; actor_type: string }>(
      `SELECT a.status, a.flow, e.type, e.actor_type
         FROM applications a JOIN application_events e ON e.application_id = a.id
        WHERE a.reference = $1`,
      [reference],
    )
    expect(rows).toEqual([{ status: 'DRAFT', flow: 'FIRST_TIME', type: 'CREATED', actor_type: 'APPLICANT' }])
  })

  test('choosing すでに持っている starts the already-verified flow', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('radio', { name: 'すでに取引時確認済みのAccount SIDを持っている' }).check()
    await page.getByRole('button', { name: '次へ' }).click()
    await expectStep(page, '/apply/type', 'お申し込み内容の入力')
    // That flow has two steps: お申し込み内容の入力 and Twilioログイン情報.
    await expect(page.getByText('ステップ 1 / 2')).toBeVisible()
    const { reference } = await currentApplication(page)
    const rows = await queryDatabase<{ flow: string }>('SELECT flow FROM applications WHERE reference = $1', [reference])
    expect(rows).toEqual([{ flow: 'LINK_VERIFIED' }])
  })

  test('without a choice, an error summary takes focus and links to the question', async ({ page }) => {
    const writes: string[] = []
    page.on('request', (request) => {
      if (request.method() !== 'GET') writes.push(`${request.method()} ${request.url()}`)
    })
    await page.goto('/')
    await page.getByRole('button', { name: '次へ' }).click()

    const summary = page.getByRole('alert')
    await expect(summary).toBeFocused()
    await expect(summary).toContainText('入力内容に問題があります')
    const message = '取引時確認済みのAccount SIDをお持ちかどうか選択してください'
    await expect(page.locator('fieldset')).toContainText(message)
    await expectNoSeriousA11yViolations(page)

    await summary.getByRole('link', { name: message }).click()
    await expect(page.getByRole('radio', { name: '持っていない' })).toBeFocused()
    // Validated in the browser with the shared schema: nothing was sent.
    expect(writes).toEqual([])
  })

  test('works with the keyboard alone', async ({ page }) => {
    await page.goto('/')
    const firstRadio = page.getByRole('radio', { name: '持っていない' })
    await firstRadio.focus()
    await page.keyboard.press('Space')
    await expect(firstRadio).toBeChecked()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: '次へ' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expectStep(page, '/apply/type', 'お申し込み内容の入力')
    // Focus follows the new screen, as a page load would put it at the top.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  })

  test('a step without an application in this browser sends back to the entry question', async ({ page }) => {
    await page.goto('/apply/login')
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByRole('heading', { level: 1, name: '取引時確認情報の登録' })).toBeVisible()
  })

  test('unknown pages say so in Japanese', async ({ page }) => {
    await page.goto('/no/such/page')
    await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible()
    await page.goto('/apply/no-such-step')
    await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible()
  })
})
