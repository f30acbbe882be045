import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { answer, changeLink, currentApplication, expectStep, field } from '../support/applicant-form.ts'
import { sampleAnswers } from '../support/answers.ts'
import { queryDatabase } from '../support/database.ts'
import { uniqueEmail, waitForMail } from '../support/mailbox.ts'
import { staffApi } from '../support/staff.ts'
import { qrCode, showQrCode, submitApplication } from '../support/verification.ts'

const NOTE = '住所は本人確認書類の裏面の記載もご確認ください。'
const INTERNAL_NOTE = '社内メモ: 転居前の住所で申請されている'

test.describe('a staff denial, corrected by the applicant', () => {
  test('staff deny through the API; the open page shows it in place, the correction counts down, the address is fixed and sent again with a new QR code', async ({
    page,
    request,
  }) => {
    const answers = sampleAnswers({ login: { ...sampleAnswers().login, loginEmail: uniqueEmail() } })
    await submitApplication(page, answers)
    const { reference } = await currentApplication(page)
    // A QR code is open, not yet scanned.
    const firstUrl = await showQrCode(page)

    const staff = staffApi(request)
    const id = await staff.findByReference(reference)
    await staff.decide(id, { decision: 'DENY', reasonCodes: ['ID_MISMATCH_ADDRESS'], noteToApplicant: NOTE, internalNote: INTERNAL_NOTE })

    // The open page shows the decision in place, by itself: no reload, no 次へ.
    const verdict = page.locator('.verification-status')
    await expect(verdict).toContainText('審査の結果、お申し込みを承認できませんでした', { timeout: 15_000 })
    await expect(verdict).toContainText(`担当者より: ${NOTE}`)
    await expect(qrCode(page)).toHaveCount(0)
    await expect(page).toHaveURL(/\/apply\/verify$/)
    await page.getByRole('button', { name: '内容を修正する' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await expect(page.getByTestId('reference')).toHaveText(reference)
    await expect(page.getByTestId('correction-progress')).toHaveText('要確認の項目があと1件あります。')
    const banner = page.getByRole('region', { name: '審査の結果、お申し込みを承認できませんでした' })
    await expect(banner.getByRole('listitem')).toHaveText([
      '住所が本人確認書類の記載と一致しません。',
      `担当者より: ${NOTE}`,
    ])
    await expect(page.locator('body')).not.toContainText(INTERNAL_NOTE)
    const user = page.getByRole('region', { name: '利用者情報' })
    await expect(user.locator('.answer-row', { hasText: '利用者 ご住所' })).toContainText('要確認')
    await expect(user.locator('.answer-row', { hasText: '利用者名' }).first()).not.toContainText('要確認')
    // Where to turn from here: the troubleshooting and an inquiry about this application.
    await expect(banner.getByRole('link', { name: '認証が通らない時のチェック項目' })).toHaveAttribute('href', '/help')
    await expect(banner.getByRole('link', { name: 'このお申し込みについてのお問い合わせ' })).toHaveAttribute('href', '/inquiry?from=application')
    await expectNoSeriousA11yViolations(page)

    const decided = await queryDatabase<{ actor_type: string; from_status: string; to_status: string }>(
      `SELECT actor_type, from_status, to_status FROM application_events WHERE application_id = $1 AND type = 'DECIDED'`,
      [id],
    )
    expect(decided).toEqual([{ actor_type: 'STAFF', from_status: 'SUBMITTED', to_status: 'DENIED' }])
    const mail = await waitForMail(request, answers.login.loginEmail, 'DENIED')
    expect(mail.text).toContain(NOTE)
    expect(mail.text).not.toContain(INTERNAL_NOTE)

    await changeLink(page, '利用者情報').click()
    await expectStep(page, '/apply/user', '利用者情報')
    await expect(page.getByText('次の項目が本人確認書類の記載と一致しませんでした。')).toBeVisible()
    await field(page, '町域・番地').fill('渋谷1丁目1-1')
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await expect(answer(page, '利用者情報', '利用者 ご住所')).toHaveText('〒150-0002 東京都渋谷区渋谷1丁目1-1')
    await expect(page.getByRole('region', { name: '利用者情報' }).locator('.answer-row', { hasText: '利用者 ご住所' })).toContainText('修正済み')
    await expect(page.getByTestId('correction-progress')).toContainText('要確認の項目はすべて修正済みです。')

    await page.getByRole('button', { name: '続けて本人確認画像をアップロードする' }).click()
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
    expect((await staff.read(id)).status).toBe('SUBMITTED')
    // The QR code of the denied submission is history: a new one is shown.
    await expect(qrCode(page)).toHaveCount(0)
    const secondUrl = await showQrCode(page)
    expect(secondUrl).not.toBe(firstUrl)
  })
})
