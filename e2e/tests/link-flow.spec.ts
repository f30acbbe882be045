import { expect, test, type Page } from '@playwright/test'
import { SAME_SID_MESSAGE, VERIFIED_SID_REQUIRED_MESSAGE } from '@kakunin/schema/form/login-step'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { approvedAccountSid, submittedThroughApi } from '../support/applicant-api.ts'
import {
  answer,
  changeLink,
  currentApplication,
  expectStep,
  field,
  fillLoginStep,
  fillTypeStep,
  nextButton,
  startApplication,
  startLinkApplication,
} from '../support/applicant-form.ts'
import { newAccountSid, type FormAnswers } from '../support/answers.ts'
import { queryDatabase, statusOf } from '../support/database.ts'
import { expectErrors, expectFieldError, recordSaves } from '../support/error-summary.ts'
import { uniqueEmail, waitForMail } from '../support/mailbox.ts'

const NOT_VERIFIED = '取引時確認済みのAccount SIDとして確認できませんでした。入力内容をご確認ください。'
const SID_IN_USE = 'この新しいAccount SIDは、すでに取引時確認済みか、別のお申し込みで手続き中です。'

const linkLogin = (verifiedAccountSid: string): Required<FormAnswers['login']> => ({
  accountSid: newAccountSid(),
  verifiedAccountSid,
  loginEmail: uniqueEmail('second'),
  contactEmail: 'second.contact@example.net',
})

/** すでに持っている → 個人として申し込み → Twilioログイン情報, filled with `login`, → 確認画面へ. */
async function fillLinkApplication(page: Page, login: FormAnswers['login']) {
  await startLinkApplication(page)
  await expect(page.getByText('ステップ 1 / 2')).toBeVisible()
  await fillTypeStep(page)
  await nextButton(page).click()
  await expectStep(page, '/apply/login', 'Twilioログイン情報')
  await expect(page.getByText('ステップ 2 / 2')).toBeVisible()
  await fillLoginStep(page, login)
  await page.getByRole('button', { name: '確認画面へ' }).click()
  await expectStep(page, '/apply/confirm', '登録情報確認')
}

const sendButton = (page: Page) => page.getByRole('button', { name: '送信する' })
const submitErrorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'お申し込みを送信できませんでした' })
test.describe('2回目以降: a new Account SID linked to one already verified', () => {
  test('送信する approves it at once, records the application it relies on, and emails it', async ({ page, request }) => {
    const verified = await approvedAccountSid(request)
    const login = linkLogin(verified.accountSid)
    await startLinkApplication(page)
    await fillTypeStep(page)
    await nextButton(page).click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    // The article's four fields, in its order.
    await expect(page.locator('main label')).toHaveText([
      /^新しいAccount SID/,
      /^取引時確認済みのAccount SID/,
      /^Twilioコンソールログイン用メールアドレス/,
      /^連絡用メールアドレス/,
    ])
    await expect(field(page, '新しいAccount SID')).toHaveAccessibleDescription(/登録するAccount SID（マスターAccount SID）/)
    await expect(field(page, 'Twilioコンソールログイン用メールアドレス')).toHaveAccessibleDescription(/OWNER権限/)
    await fillLoginStep(page, login)
    await expectNoSeriousA11yViolations(page)
    await page.getByRole('button', { name: '確認画面へ' }).click()

    await expectStep(page, '/apply/confirm', '登録情報確認')
    await expect(answer(page, 'Twilioログイン情報', '新しいAccount SID')).toHaveText(login.accountSid)
    await expect(answer(page, 'Twilioログイン情報', '取引時確認済みのAccount SID')).toHaveText(verified.accountSid)
    await expect(answer(page, 'Twilioログイン情報', 'Twilioコンソールログイン用メールアドレス')).toHaveText(login.loginEmail)
    // No identity verification in this flow: one button, 送信する.
    await expect(page.locator('main').getByRole('button')).toHaveText(['送信する'])
    await expectNoSeriousA11yViolations(page)
    const { reference } = await currentApplication(page)

    await sendButton(page).click()
    await expectStep(page, '/apply/complete', 'お申し込み完了')
    const linked = page.getByRole('status').filter({ hasText: '紐付けました' })
    await expect(linked).toContainText(login.accountSid)
    await expect(linked).toContainText(verified.accountSid)
    await expect(page.getByTestId('reference')).toHaveText(reference)
    await expect(page.locator('main')).toContainText(`Twilioコンソールログイン用メールアドレス（${login.loginEmail}）宛てのメール`)
    // The spam-folder advice names the domain the server sends from.
    const { mailDomain } = (await (await request.get('/api/config')).json()) as { mailDomain: string }
    await expect(page.getByRole('region', { name: 'メールが届かない場合' })).toContainText(`「@${mailDomain}」からのメールを受信できるように`)
    await expectNoSeriousA11yViolations(page)

    expect(await statusOf(reference)).toBe('APPROVED')
    const decided = await queryDatabase<{ actor_type: string; to_status: string; data: { reliedOnApplicationId: string; verifiedAccountSid: string } }>(
      `SELECT e.actor_type, e.to_status, e.data FROM application_events e JOIN applications a ON a.id = e.application_id
        WHERE a.reference = $1 AND e.type = 'DECIDED'`,
      [reference],
    )
    expect(decided).toEqual([
      { actor_type: 'SYSTEM', to_status: 'APPROVED', data: expect.objectContaining({ reliedOnApplicationId: verified.id, verifiedAccountSid: verified.accountSid }) },
    ])
    const mail = await waitForMail(request, login.loginEmail, 'APPROVED')
    expect(mail.subject).toContain('紐付けが完了しました')
    expect(mail.subject).toContain(reference)
    expect(mail.text).toContain(login.accountSid)

    // Approved: nothing left to edit or send.
    for (const path of ['/apply/login', '/apply/confirm', '/apply/verify']) {
      await page.goto(path)
      await expectStep(page, '/apply/complete', 'お申し込み完了')
    }
  })

  test('an Account SID that is not verified is refused on 送信する, linked to 変更, and can be corrected', async ({ page, request }) => {
    const unknown = newAccountSid()
    const login = linkLogin(unknown)
    await fillLinkApplication(page, login)
    const { reference } = await currentApplication(page)
    await sendButton(page).click()

    const summary = submitErrorSummary(page)
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('listitem')).toHaveText([`Twilioログイン情報：${NOT_VERIFIED}`])
    await expectNoSeriousA11yViolations(page)
    await summary.getByRole('link').click()
    await expect(changeLink(page, 'Twilioログイン情報')).toBeFocused()
    await expect(page).toHaveURL(/\/apply\/confirm$/)
    expect(await statusOf(reference)).toBe('DRAFT')

    // 変更 → the right SID → back to the confirmation screen → 送信する.
    const verified = await approvedAccountSid(request)
    await changeLink(page, 'Twilioログイン情報').click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    await expect(field(page, '取引時確認済みのAccount SID')).toHaveValue(unknown)
    await field(page, '取引時確認済みのAccount SID').fill(verified.accountSid)
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await sendButton(page).click()
    await expectStep(page, '/apply/complete', 'お申し込み完了')
    expect(await statusOf(reference)).toBe('APPROVED')
  })

  test('the step itself refuses a missing verified SID and the same SID twice, without saving', async ({ page }) => {
    await startLinkApplication(page)
    await fillTypeStep(page)
    await nextButton(page).click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    const saves = recordSaves(page)
    const sid = newAccountSid()
    await fillLoginStep(page, { ...linkLogin(''), accountSid: sid })
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await expectErrors(page, [VERIFIED_SID_REQUIRED_MESSAGE])
    await expectFieldError(field(page, '取引時確認済みのAccount SID'), VERIFIED_SID_REQUIRED_MESSAGE)

    await field(page, '取引時確認済みのAccount SID').fill(` ${sid.toUpperCase().replace(/^AC/, 'ac')} `)
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await expectErrors(page, [SAME_SID_MESSAGE])
    await expectFieldError(field(page, '取引時確認済みのAccount SID'), SAME_SID_MESSAGE)
    await expectNoSeriousA11yViolations(page)
    await expect(page).toHaveURL(/\/apply\/login$/)
    expect(saves).toEqual([])
  })

  test('a new Account SID already in progress in another application is refused', async ({ page, request }) => {
    const verified = await approvedAccountSid(request)
    const busy = await submittedThroughApi()
    await fillLinkApplication(page, { ...linkLogin(verified.accountSid), accountSid: busy.accountSid })
    const { reference } = await currentApplication(page)
    await sendButton(page).click()
    const summary = submitErrorSummary(page)
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('listitem')).toHaveText([`Twilioログイン情報：${SID_IN_USE}`])
    await expect(summary.getByRole('link')).toHaveAttribute('href', '#change-login')
    await expect(page).toHaveURL(/\/apply\/confirm$/)
    expect(await statusOf(reference)).toBe('DRAFT')
    expect(await statusOf(busy.reference)).toBe('SUBMITTED')
  })

  test('the first-time flow does not ask for a verified Account SID', async ({ page }) => {
    await startApplication(page)
    await fillTypeStep(page)
    await nextButton(page).click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    await expect(field(page, '新しいAccount SID')).toBeVisible()
    await expect(field(page, '取引時確認済みのAccount SID')).toHaveCount(0)
  })
})
