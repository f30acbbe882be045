import { expect, test } from '@playwright/test'
import { CORPORATE_MESSAGE } from '@kakunin/schema/form/type-step'
import { STALE_VERSION_MESSAGE } from '@kakunin/schema/application'
import {
  answer,
  changeLink,
  currentApplication,
  expectStep,
  field,
  fillEveryStep,
  fillLoginStep,
  fillTypeStep,
  nextButton,
  startApplication,
} from '../support/applicant-form.ts'
import { sampleAnswers } from '../support/answers.ts'
import { queryDatabase } from '../support/database.ts'
import { expectErrors, recordSaves } from '../support/error-summary.ts'
import { uniqueEmail, waitForMail } from '../support/mailbox.ts'

test.describe('moving through the form', () => {
  test('法人として申し込み stops the flow with the message for corporations', async ({ page }) => {
    const saves = recordSaves(page)
    await startApplication(page)
    await page.getByRole('radio', { name: '法人として申し込み' }).check()
    await expect(page.getByRole('status').filter({ hasText: CORPORATE_MESSAGE })).toBeVisible()

    await nextButton(page).click()
    await expectErrors(page, [CORPORATE_MESSAGE])
    await expectStep(page, '/apply/type', 'お申し込み内容の入力')
    expect(saves).toEqual([])

    // Choosing 個人 again lets the applicant continue.
    await fillTypeStep(page)
    await expect(page.getByRole('status').filter({ hasText: CORPORATE_MESSAGE })).toHaveCount(0)
    await nextButton(page).click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    expect(saves).toEqual(['type'])
  })

  test('a 変更 link opens the step, and 確認画面へ returns straight to the confirmation', async ({ page }) => {
    await startApplication(page)
    await fillEveryStep(page, sampleAnswers())

    await changeLink(page, '利用者情報').click()
    await expectStep(page, '/apply/user', '利用者情報')
    await expect(page).toHaveURL(/from=confirm/)
    await expect(field(page, '姓')).toHaveValue('山田')
    await expect(page.getByRole('link', { name: '確認画面に戻る' })).toBeVisible()
    await field(page, '名').fill('次郎')
    await page.getByRole('button', { name: '確認画面へ' }).click()

    await expectStep(page, '/apply/confirm', '登録情報確認')
    await expect(answer(page, '利用者情報', '利用者名')).toHaveText('山田 次郎')

    // A change that is not the last step still comes straight back.
    await changeLink(page, 'Twilioログイン情報').click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    await field(page, '連絡用メールアドレス').fill('jiro@example.org')
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await expect(answer(page, 'Twilioログイン情報', '連絡用メールアドレス')).toHaveText('jiro@example.org')
  })

  test('after a reload the applicant continues where they were, with every answer kept', async ({ page }) => {
    const answers = sampleAnswers()
    await startApplication(page)
    await fillEveryStep(page, answers, { stopAt: '/apply/purpose' })

    await page.reload()
    await expectStep(page, '/apply/purpose', '内容・目的')
    await page.getByRole('link', { name: '戻る' }).click()
    await expectStep(page, '/apply/user', '利用者情報')
    await expect(field(page, '姓')).toHaveValue('山田')
    await expect(field(page, 'メイ')).toHaveValue('タロウ')
    await expect(page.getByLabel('年', { exact: true })).toHaveValue('1990')
    await expect(field(page, '都道府県')).toHaveValue('東京都')
    await expect(field(page, '町域・番地')).toHaveValue('渋谷2丁目21-1')

    // Opening the site again (a new tab, the same browser) goes to the saved resume point.
    const again = await page.context().newPage()
    await again.goto('/')
    await expectStep(again, '/apply/purpose', '内容・目的')
    await again.close()

    await page.getByRole('link', { name: '戻る' }).click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    await expect(field(page, '新しいAccount SID')).toHaveValue(answers.login.accountSid)
  })

  test('a save after another tab saved is refused with 再読み込み, which shows the latest answers', async ({ page }) => {
    const answers = sampleAnswers()
    await startApplication(page)
    await fillTypeStep(page)
    await nextButton(page).click()
    await fillLoginStep(page, answers.login)
    await nextButton(page).click()
    await expectStep(page, '/apply/user', '利用者情報')
    await page.getByRole('link', { name: '戻る' }).click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')

    // Another tab of the same browser changes the contact address meanwhile.
    const other = await page.context().newPage()
    await other.goto('/apply/login')
    await field(other, '連絡用メールアドレス').fill('other-tab@example.org')
    await nextButton(other).click()
    await expectStep(other, '/apply/user', '利用者情報')
    await other.close()

    await field(page, '連絡用メールアドレス').fill('this-tab@example.org')
    await nextButton(page).click()
    const notice = page.getByRole('alert').filter({ hasText: STALE_VERSION_MESSAGE })
    await expect(notice).toBeFocused()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')

    await notice.getByRole('button', { name: '再読み込み' }).click()
    await expect(notice).toHaveCount(0)
    await expect(field(page, '連絡用メールアドレス')).toHaveValue('other-tab@example.org')
    const { reference } = await currentApplication(page)
    const [row] = await queryDatabase<{ contact_email: string }>('SELECT contact_email FROM applications WHERE reference = $1', [reference])
    expect(row!.contact_email).toBe('other-tab@example.org')

    // With the latest version the save goes through.
    await field(page, '連絡用メールアドレス').fill('this-tab@example.org')
    await nextButton(page).click()
    await expectStep(page, '/apply/user', '利用者情報')
  })

  test('submitting with steps left out lists them, each linked to its step', async ({ page }) => {
    await startApplication(page)
    await fillTypeStep(page)
    await nextButton(page).click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    await page.goto('/apply/confirm')
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await expect(page.getByRole('region', { name: '利用者情報' })).toContainText('まだ入力されていません')

    await page.getByRole('button', { name: '続けて本人確認画像をアップロードする' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'お申し込みを送信できませんでした' })
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('listitem')).toHaveText([
      '「Twilioログイン情報」が入力されていません',
      '「利用者情報」が入力されていません',
      '「内容・目的」が入力されていません',
      '「補足情報」が入力されていません',
      '「代理人情報」が入力されていません',
    ])
    await summary.getByRole('link', { name: '「利用者情報」が入力されていません' }).click()
    const change = changeLink(page, '利用者情報', '入力する')
    await expect(change).toBeFocused()
    await page.keyboard.press('Enter')
    await expectStep(page, '/apply/user', '利用者情報')

    const { reference } = await currentApplication(page)
    const [row] = await queryDatabase<{ status: string }>('SELECT status FROM applications WHERE reference = $1', [reference])
    expect(row!.status).toBe('DRAFT')
  })

  test('下書きを保存 emails a link to the login address, says where (masked), and keeps the draft', async ({ page, request }) => {
    const loginEmail = uniqueEmail()
    await startApplication(page)
    await fillEveryStep(page, sampleAnswers({ login: { ...sampleAnswers().login, loginEmail } }))
    await page.getByRole('button', { name: '下書きを保存し、あとで本人確認画像をアップロードする' }).click()
    const masked = `${loginEmail[0]}***@example.com`
    const status = page.getByRole('status').filter({ hasText: `${masked} に、続きから入力するためのリンクをお送りしました` })
    await expect(status).toBeVisible()
    await expect(status).not.toContainText(loginEmail)
    const mail = await waitForMail(request, loginEmail, 'DRAFT_SAVED')

    await page.goto('/')
    await expectStep(page, '/apply/confirm', '登録情報確認')
    const { reference } = await currentApplication(page)
    expect(mail.subject).toContain(reference)
    const [row] = await queryDatabase<{ status: string }>('SELECT status FROM applications WHERE reference = $1', [reference])
    expect(row!.status).toBe('DRAFT')
  })
})
