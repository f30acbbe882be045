import { expect, test, type Page } from '@playwright/test'
import { ACCOUNT_SID_MESSAGE } from '@kakunin/schema/account-sid'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { approvedAccountSid } from '../support/applicant-api.ts'
import { currentApplication, expectStep, field, fillLoginStep, fillTypeStep, nextButton, openEntry, startLinkApplication } from '../support/applicant-form.ts'
import { newAccountSid } from '../support/answers.ts'
import { queryDatabase } from '../support/database.ts'
import { expectErrors, expectFieldError, followErrorLink } from '../support/error-summary.ts'
import { uniqueEmail, waitForMail } from '../support/mailbox.ts'

const kindRadio = (page: Page, label: string) => page.getByRole('radio', { name: label, exact: true })
const sendButton = (page: Page) => page.getByRole('button', { name: '送信する' })
const inquiryReference = (page: Page) => page.getByTestId('inquiry-reference')

interface StoredInquiry {
  kind: string
  name: string
  email: string
  account_sid: string | null
  content: string
  application_id: string | null
}
const storedInquiry = async (reference: string) =>
  (
    await queryDatabase<StoredInquiry>(
      'SELECT kind, name, email, account_sid, content, application_id FROM inquiries WHERE reference = $1',
      [reference],
    )
  )[0]

test.describe('お問い合わせ', () => {
  test('validates with the shared schema, then stores the inquiry and sends an acknowledgement', async ({ page, request }) => {
    const posts: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(new URL(r.url()).pathname)
    })
    await openEntry(page)
    await page.getByRole('contentinfo').getByRole('link', { name: 'お問い合わせ' }).click()
    await expectStep(page, '/inquiry', 'お問い合わせ')
    await expect(page.getByRole('group', { name: /お問い合わせの種類/ })).toContainText('※必須')
    await expect(page.locator('label[for="accountSid"]')).toContainText('※任意')
    for (const label of ['取引時確認', 'アカウント', '請求', 'その他']) await expect(kindRadio(page, label)).not.toBeChecked()
    await expectNoSeriousA11yViolations(page)

    await sendButton(page).click()
    await expectErrors(page, ['お問い合わせの種類を選択してください', '氏名を入力してください', 'メールアドレスを入力してください', 'お問い合わせ内容を入力してください'])
    await expectNoSeriousA11yViolations(page)
    await followErrorLink(page, '氏名を入力してください', field(page, '氏名'))

    const email = uniqueEmail('inquirer')
    await kindRadio(page, 'アカウント').check()
    await field(page, '氏名').fill('山田 太郎')
    await field(page, 'メールアドレス').fill('inquirer@')
    await field(page, 'Account SID').fill('AC123')
    await field(page, 'お問い合わせ内容').fill('あ'.repeat(2001))
    await expect(page.getByText('1文字多すぎます（2000文字まで）')).toBeVisible()
    await sendButton(page).click()
    await expectErrors(page, ['メールアドレスの形式で入力してください（例：taro@example.com）', ACCOUNT_SID_MESSAGE, '2000文字以内で入力してください'])
    await expectFieldError(field(page, 'Account SID'), ACCOUNT_SID_MESSAGE)
    await expectFieldError(field(page, 'お問い合わせ内容'), '2000文字以内で入力してください')
    expect(posts).toEqual([])

    const sid = newAccountSid()
    await field(page, 'メールアドレス').fill(email)
    await field(page, 'Account SID').fill(` ${sid} `)
    const content = '本人確認書類の住所が旧住所のままです。\n\nどうすればよいでしょうか。'
    await field(page, 'お問い合わせ内容').fill(content)
    await expect(page.getByText(`あと${2000 - content.length}文字入力できます`)).toBeVisible()
    await sendButton(page).click()

    await expect(page.getByRole('heading', { level: 1, name: 'お問い合わせを受け付けました' })).toBeVisible()
    await expect(inquiryReference(page)).toHaveText(/^INQ-\d{8}-\d{4,}$/)
    const reference = (await inquiryReference(page).textContent())!
    await expect(page.locator('main')).toContainText(`ご入力のメールアドレス（${email}）に、受付確認のメールをお送りしました`)
    await expect(page.locator('main')).not.toContainText('受付番号')
    await expectNoSeriousA11yViolations(page)
    expect(posts).toEqual(['/api/inquiries'])

    expect(await storedInquiry(reference)).toEqual({
      kind: 'ACCOUNT',
      name: '山田 太郎',
      email,
      account_sid: sid,
      // Line breaks kept.
      content,
      application_id: null,
    })
    const mail = await waitForMail(request, email, 'INQUIRY_RECEIVED')
    expect(mail.subject).toContain(reference)
    expect(mail.text).toContain('お問い合わせの種類：アカウント')
  })

  test('opened from the completion page, 取引時確認 is chosen and the application is attached', async ({ page, request }) => {
    const verified = await approvedAccountSid(request)
    await startLinkApplication(page)
    await fillTypeStep(page)
    await nextButton(page).click()
    await fillLoginStep(page, {
      accountSid: newAccountSid(),
      verifiedAccountSid: verified.accountSid,
      loginEmail: uniqueEmail(),
      contactEmail: 'contact@example.net',
    })
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await page.getByRole('button', { name: '送信する' }).click()
    await expectStep(page, '/apply/complete', 'お申し込み完了')
    const application = await currentApplication(page)

    await page.getByRole('main').getByRole('link', { name: 'このお申し込みについてのお問い合わせ' }).click()
    await expectStep(page, '/inquiry', 'お問い合わせ')
    await expect(page).toHaveURL(/\/inquiry\?from=application$/)
    await expect(kindRadio(page, '取引時確認')).toBeChecked()
    await expect(page.locator('main')).toContainText(`お申し込みの受付番号（${application.reference}）を添えてお送りします`)
    const email = uniqueEmail('applicant')
    await field(page, '氏名').fill('山田 太郎')
    await field(page, 'メールアドレス').fill(email)
    await field(page, 'お問い合わせ内容').fill('紐付けの確認メールが届きません。')
    await sendButton(page).click()

    await expect(page.getByRole('heading', { level: 1, name: 'お問い合わせを受け付けました' })).toBeVisible()
    const reference = (await inquiryReference(page).textContent())!
    expect(await storedInquiry(reference)).toMatchObject({ kind: 'KYC', account_sid: null, application_id: application.id })
    const events = await queryDatabase<{ type: string }>(`SELECT type FROM application_events WHERE application_id = $1 AND type = 'INQUIRY_RECEIVED'`, [
      application.id,
    ])
    expect(events).toHaveLength(1)
    await waitForMail(request, email, 'INQUIRY_RECEIVED')
  })

  test('from a page outside an application, nothing is attached even with a session', async ({ page }) => {
    await startLinkApplication(page)
    // On the application's pages the footer's link is about the application …
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'お問い合わせ' })).toHaveAttribute('href', '/inquiry?from=application')
    // … elsewhere it is not, and the help's link only chooses 取引時確認.
    await page.goto('/help')
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'お問い合わせ' })).toHaveAttribute('href', '/inquiry')
    await page.getByRole('main').getByRole('link', { name: 'お問い合わせフォーム' }).click()
    await expectStep(page, '/inquiry', 'お問い合わせ')
    await expect(kindRadio(page, '取引時確認')).toBeChecked()
    await expect(page.locator('main')).not.toContainText('受付番号')
    await field(page, '氏名').fill('山田 太郎')
    await field(page, 'メールアドレス').fill(uniqueEmail())
    await field(page, 'お問い合わせ内容').fill('取引時確認の手順について')
    await sendButton(page).click()
    const reference = (await inquiryReference(page).textContent())!
    expect(await storedInquiry(reference)).toMatchObject({ kind: 'KYC', application_id: null })
  })
})
