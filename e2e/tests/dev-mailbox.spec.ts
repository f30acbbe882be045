import { expect, test } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { fillEveryStep, startApplication } from '../support/applicant-form.ts'
import { sampleAnswers } from '../support/answers.ts'
import { resumeLinkIn, uniqueEmail, waitForMail } from '../support/mailbox.ts'

test.describe('the development mailbox', () => {
  test('lists the mails for an address and shows one, its links clickable', async ({ page, request }) => {
    const loginEmail = uniqueEmail('hanako')
    await startApplication(page)
    await fillEveryStep(page, sampleAnswers({ login: { ...sampleAnswers().login, loginEmail } }))
    await page.getByRole('button', { name: '下書きを保存し、あとで本人確認画像をアップロードする' }).click()
    const mail = await waitForMail(request, loginEmail, 'DRAFT_SAVED')

    await page.goto('/dev/mailbox')
    await expect(page.getByRole('heading', { level: 1, name: '開発用メールボックス' })).toBeVisible()
    await page.getByLabel('宛先で絞り込む').fill(loginEmail)
    await page.getByRole('button', { name: '絞り込む' }).click()
    const rows = page.getByRole('table').getByRole('row')
    // The header and this address's one mail.
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(1).getByRole('cell')).toHaveText([mail.subject, loginEmail, /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/, '送信済み'])
    await expectNoSeriousA11yViolations(page)

    await rows.nth(1).getByRole('link', { name: mail.subject }).click()
    await expect(page).toHaveURL(new RegExp(`/dev/mailbox/${mail.id}$`))
    await expect(page.getByRole('heading', { level: 2, name: mail.subject })).toBeVisible()
    const link = resumeLinkIn(mail)
    await expect(page.getByRole('link', { name: link })).toHaveAttribute('href', link)
    await expectNoSeriousA11yViolations(page)
    await page.getByRole('link', { name: link }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'お申し込みの続き' })).toBeVisible()
  })
})
