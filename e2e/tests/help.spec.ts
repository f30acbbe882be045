import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { expectStep, openEntry } from '../support/applicant-form.ts'

test.describe('認証が通らない時のチェック項目 (/help)', () => {
  test('the article’s troubleshooting, with our mail domain and the way to the inquiry form', async ({ page, request }) => {
    const { mailDomain } = (await (await request.get('/api/config')).json()) as { mailDomain: string }
    expect(mailDomain).toMatch(/^[a-z0-9.-]+$/)

    await openEntry(page)
    await page.getByRole('contentinfo').getByRole('link', { name: '認証が通らない時のチェック項目' }).click()
    await expectStep(page, '/help', '認証が通らない時のチェック項目')
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['メールが届かない場合', '否認の判定を受けた場合', 'お問い合わせについて'])
    const mail = page.getByRole('region', { name: 'メールが届かない場合' })
    await expect(mail).toContainText('迷惑メールボックスをご確認ください')
    await expect(mail).toContainText(`「@${mailDomain}」からのメールを受信できるように設定をお願いします`)
    await expect(page.getByRole('region', { name: '否認の判定を受けた場合' })).toContainText('フォームには身分証明書と同じ内容')
    await expectNoSeriousA11yViolations(page)

    const inquiry = page.getByRole('region', { name: 'お問い合わせについて' })
    await expect(inquiry).toContainText('お問い合わせの種類を「取引時確認」にご選択いただき')
    await inquiry.getByRole('link', { name: 'お問い合わせフォーム' }).click()
    await expectStep(page, '/inquiry', 'お問い合わせ')
    await expect(page.getByRole('radio', { name: '取引時確認', exact: true })).toBeChecked()
  })
})
