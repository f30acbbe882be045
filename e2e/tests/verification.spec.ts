import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { answer, changeLink, currentApplication, expectStep, field } from '../support/applicant-form.ts'
import { sampleAnswers } from '../support/answers.ts'
import { queryDatabase, statusOf } from '../support/database.ts'
import { resumeLinkIn, uniqueEmail, waitForMail } from '../support/mailbox.ts'
import {
  chooseDocument,
  desktopNext,
  enterDetails,
  matchingLicence,
  openOnPhone,
  PHONE_DONE,
  qrCode,
  showQrCode,
  submitApplication,
  takePhoto,
  verificationStatus,
  verifyOnPhone,
  VERIFY_BUTTON,
} from '../support/verification.ts'

const verificationsOf = async (reference: string) =>
  queryDatabase<{ status: string; url: string }>(
    `SELECT v.status, v.url FROM verifications v JOIN applications a ON a.id = v.application_id
      WHERE a.reference = $1 ORDER BY v.created_at`,
    [reference],
  )

test.describe('身元確認: the QR code on the desktop, the sandbox app on the phone', () => {
  // Two devices and the reviewer's delay: on a loaded 2-core machine these take longer than 30 s.
  test.describe.configure({ timeout: 90_000 })

  test('a matching ID goes from the QR code through the phone to お申し込み完了 and APPROVED', async ({ page, browser, request }) => {
    const answers = sampleAnswers({ login: { ...sampleAnswers().login, loginEmail: uniqueEmail() } })
    await submitApplication(page, answers)
    const { reference } = await currentApplication(page)
    await expect(page.getByTestId('reference')).toHaveText(reference)

    // Before the phone has finished, 次へ is disabled and says why.
    await expect(desktopNext(page)).toBeDisabled()
    await expect(desktopNext(page)).toHaveAccessibleDescription('スマートフォンでの本人確認が完了すると、「次へ」を押せるようになります。')
    await expectNoSeriousA11yViolations(page)

    const url = await showQrCode(page)
    await expect(page.getByText(/有効期限：.+ まで/)).toBeVisible()
    expect(await qrCode(page).getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    await expectNoSeriousA11yViolations(page)
    expect((await verificationsOf(reference)).map((v) => [v.status, v.url])).toEqual([['PENDING', url]])

    const { context, phone } = await openOnPhone(browser, url)
    await expect(phone.getByText('本人確認アプリ（サンドボックス）').first()).toBeVisible()
    await expect(phone.getByText(/サンドボックスです/)).toBeVisible()
    await expectNoSeriousA11yViolations(phone)
    await chooseDocument(phone)

    // The desktop follows the phone on its own.
    await expect(verificationStatus(page, 'スマートフォンで本人確認を進めています')).toBeVisible()
    expect(await statusOf(reference)).toBe('VERIFYING')
    await expect(desktopNext(page)).toBeDisabled()

    await expect(phone.getByRole('heading', { level: 1, name: '本人確認書類と顔写真を撮影する' })).toBeVisible()
    // The camera opens from the inputs: the back camera for the document, the front one for the face.
    await expect(phone.getByLabel(/^表面を撮影/)).toHaveAttribute('capture', 'environment')
    await expect(phone.getByLabel(/^顔写真を撮影/)).toHaveAttribute('capture', 'user')
    await expect(phone.getByLabel(/^裏面を撮影/)).toHaveAttribute('accept', 'image/*')
    for (const kind of ['表面', '裏面', '顔写真']) await takePhoto(phone, kind)
    await expectNoSeriousA11yViolations(phone)
    await phone.getByRole('button', { name: '次へ' }).click()
    await enterDetails(phone, matchingLicence)
    await expectNoSeriousA11yViolations(phone)
    await phone.getByRole('button', { name: '送信' }).click()
    await expect(phone.getByText(PHONE_DONE)).toBeVisible()
    await expectNoSeriousA11yViolations(phone)
    await context.close()

    // The verdict shows on 身元確認 itself, with no reload and no 次へ to press for it.
    await expect(verificationStatus(page, '承認されました')).toBeVisible()
    await expect(page.locator('main')).not.toContainText('「次へ」を押してください')
    await expect(desktopNext(page)).toBeEnabled()
    await desktopNext(page).click()
    await expectStep(page, '/apply/complete', 'お申し込み完了')
    await expect(page.getByTestId('reference')).toHaveText(reference)
    await expect(page.locator('main')).toContainText('審査の結果はメールでお知らせします')
    await expect(page.locator('main')).toContainText('迷惑メール')
    await expect(page.getByRole('status').filter({ hasText: '承認されました' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)

    expect(await statusOf(reference)).toBe('APPROVED')
    expect((await verificationsOf(reference)).map((v) => v.status)).toEqual(['APPROVED'])
    const approved = await waitForMail(request, answers.login.loginEmail, 'APPROVED')
    expect(approved.subject).toContain(reference)
    await waitForMail(request, answers.login.loginEmail, 'SUBMISSION_RECEIVED')

    // An approved application has nothing left to edit or verify.
    await page.goto('/apply/user')
    await expectStep(page, '/apply/complete', 'お申し込み完了')
    // 身元確認 still shows where it stands, with no QR code to open.
    await page.goto('/apply/verify')
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
    await expect(verificationStatus(page, '承認されました')).toBeVisible()
    await expect(page.getByRole('button', { name: VERIFY_BUTTON })).toHaveCount(0)
  })

  test('申込受付 is addressed by name and links back: opened on the phone, it continues at 身元確認用フォーム', async ({ page, browser, request }) => {
    const answers = sampleAnswers({ login: { ...sampleAnswers().login, loginEmail: uniqueEmail() } })
    await submitApplication(page, answers)
    const { reference } = await currentApplication(page)
    const mail = await waitForMail(request, answers.login.loginEmail, 'SUBMISSION_RECEIVED')
    expect(mail.text.split('\n')[0]).toBe(`${answers.user.familyName} ${answers.user.givenName} 様`)
    expect(mail.text).toContain('身元確認用フォームに戻れます')

    const { context, phone } = await openOnPhone(browser, resumeLinkIn(mail))
    await expect(phone.getByTestId('resume-reference')).toHaveText(reference)
    await phone.getByRole('button', { name: 'この申し込みを続ける' }).click()
    await expectStep(phone, '/apply/verify', '身元確認用フォーム')
    await expect(phone.getByTestId('reference')).toHaveText(reference)
    await phone.getByRole('button', { name: VERIFY_BUTTON }).click()
    await expect(phone.getByRole('link', { name: /こちらから本人確認アプリを開いてください/ })).toBeVisible()
    await expectNoSeriousA11yViolations(phone)
    await context.close()
  })

  test('a mismatch is denied; the form is corrected through 変更, submitted again, and a new QR code approves it', async ({ page, browser }) => {
    // The applicant typed 高 where the licence prints 髙, and an old address.
    const answers = sampleAnswers({ user: { ...sampleAnswers().user, familyName: '高田', familyNameKana: 'タカダ' } })
    const licence = { ...matchingLicence, familyName: '髙田', address: '東京都渋谷区渋谷1丁目1番1号' }
    await submitApplication(page, answers)
    const { reference } = await currentApplication(page)
    const firstUrl = await showQrCode(page)
    const first = await openOnPhone(browser, firstUrl)
    await verifyOnPhone(first.phone, licence)
    await first.context.close()

    // The verdict shows on 身元確認, where the applicant is, with what to correct; the page stays.
    await expect(verificationStatus(page, '審査の結果、お申し込みを承認できませんでした')).toBeVisible()
    await expect(verificationStatus(page, '「髙」')).toBeVisible()
    await expect(page.locator('main')).not.toContainText('「次へ」を押してください')
    await expect(desktopNext(page)).toHaveCount(0)
    await expectNoSeriousA11yViolations(page)
    // お申し込み完了 shows it the same way, without moving by itself.
    await page.goto('/apply/complete')
    await expectStep(page, '/apply/complete', 'お申し込み完了')
    await expect(page.getByRole('status').filter({ hasText: '審査の結果、お申し込みを承認できませんでした' })).toBeVisible()
    await page.waitForTimeout(4000)
    await expect(page).toHaveURL(/\/apply\/complete$/)
    await page.getByRole('button', { name: '内容を修正する' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await expect(page.getByTestId('reference')).toHaveText(reference)
    await expect(page.getByTestId('correction-progress')).toHaveText('要確認の項目があと2件あります。')
    expect(await statusOf(reference)).toBe('DENIED')
    const banner = page.getByRole('region', { name: '審査の結果、お申し込みを承認できませんでした' })
    await expect(banner).toBeVisible()
    await expect(banner.getByRole('listitem')).toHaveText([/氏名（姓）の字体が本人確認書類と異なります（本人確認書類では「髙」）/, /住所が本人確認書類の記載と一致しません/])
    await expect(banner).toContainText('フォームには、本人確認書類と同じ内容（字体を含む）をご記入ください')
    // The rows that did not match are marked in words, the others are not.
    const userGroup = page.getByRole('region', { name: '利用者情報' })
    await expect(userGroup.locator('.answer-row', { hasText: '利用者名' }).first()).toContainText('要確認')
    await expect(userGroup.locator('.answer-row', { hasText: '利用者 ご住所' })).toContainText('要確認')
    await expect(userGroup.locator('.answer-row', { hasText: '利用者 生年月日' })).not.toContainText('要確認')
    await expect(page.getByRole('region', { name: 'Twilioログイン情報' })).not.toContainText('要確認')
    await expectNoSeriousA11yViolations(page)

    // Only what is needed changes, through the 変更 link.
    await changeLink(page, '利用者情報').click()
    await expectStep(page, '/apply/user', '利用者情報')
    await expect(page.getByText('次の項目が本人確認書類の記載と一致しませんでした。')).toBeVisible()
    await field(page, '姓').fill('髙田')
    await field(page, '町域・番地').fill('渋谷1丁目1-1')
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await expect(answer(page, '利用者情報', '利用者名')).toHaveText('髙田 太郎')
    await expect(answer(page, '利用者情報', '利用者 ご住所')).toHaveText('〒150-0002 東京都渋谷区渋谷1丁目1-1')
    // Both corrections took: the rows say so, and nothing is left to check.
    const corrected = page.getByRole('region', { name: '利用者情報' })
    await expect(corrected.locator('.answer-row', { hasText: '利用者名' }).first()).toContainText('修正済み')
    await expect(corrected.locator('.answer-row', { hasText: '利用者 ご住所' })).toContainText('修正済み')
    await expect(corrected).not.toContainText('要確認')
    await expect(page.getByTestId('correction-progress')).toContainText('要確認の項目はすべて修正済みです。')

    await page.getByRole('button', { name: '続けて本人確認画像をアップロードする' }).click()
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
    expect(await statusOf(reference)).toBe('SUBMITTED')
    // The old session is history: a new QR code is needed.
    await expect(qrCode(page)).toHaveCount(0)
    const secondUrl = await showQrCode(page, VERIFY_BUTTON)
    expect(secondUrl).not.toBe(firstUrl)
    const second = await openOnPhone(browser, secondUrl)
    await verifyOnPhone(second.phone, licence)
    await second.context.close()

    await desktopNext(page).click()
    await expectStep(page, '/apply/complete', 'お申し込み完了')
    await expect(page.getByRole('status').filter({ hasText: '承認されました' })).toBeVisible()
    expect(await statusOf(reference)).toBe('APPROVED')
    expect((await verificationsOf(reference)).map((v) => v.status)).toEqual(['DENIED', 'APPROVED'])
  })

  test('an expired QR code says so on both screens, and a new one can be shown', async ({ page, browser }) => {
    await page.setViewportSize({ width: 375, height: 740 })
    await submitApplication(page, sampleAnswers())
    const { reference } = await currentApplication(page)
    const url = await showQrCode(page)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)

    // Time passes: the session's expiry is moved into the past.
    await queryDatabase(
      `UPDATE verifications SET expires_at = now() - interval '1 minute'
        WHERE application_id = (SELECT id FROM applications WHERE reference = $1)`,
      [reference],
    )
    await queryDatabase(`UPDATE sandbox_ekyc_sessions SET expires_at = now() - interval '1 minute' WHERE id IN (
        SELECT provider_reference::uuid FROM verifications v JOIN applications a ON a.id = v.application_id WHERE a.reference = $1)`, [reference])

    await expect(verificationStatus(page, 'QRコードの有効期限が切れました')).toBeVisible()
    await expect(qrCode(page)).toHaveCount(0)
    await expect(desktopNext(page)).toBeDisabled()

    const { context, phone } = await openOnPhone(browser, url)
    await expect(phone.getByRole('heading', { level: 1, name: 'QRコードの有効期限が切れています' })).toBeVisible()
    await expect(phone.locator('main')).toContainText('新しいQRコードを表示する')
    await expectNoSeriousA11yViolations(phone)
    await context.close()

    const fresh = await showQrCode(page, '新しいQRコードを表示する')
    expect(fresh).not.toBe(url)
    expect((await verificationsOf(reference)).map((v) => v.status)).toEqual(['PENDING', 'PENDING'])
  })
})
