import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { expectStep, fillEveryStep, openEntry, startApplication } from '../support/applicant-form.ts'
import { sampleAnswers } from '../support/answers.ts'
import { uniqueEmail, waitForMail } from '../support/mailbox.ts'
import { openOnPhone, showQrCode } from '../support/verification.ts'

interface Operator {
  name: string
  url: string
  supportEmail: string
  privacyPolicyUrl: string | null
}

const PRIVACY = '個人情報の取り扱いについて'

async function configuredOperator(request: APIRequestContext): Promise<Operator> {
  const { operator } = (await (await request.get('/api/config')).json()) as { operator: Operator }
  return operator
}

/** The footer names the operator, where to write, and links the privacy notice. */
async function expectOperatorFooter(page: Page, operator: Operator) {
  const footer = page.getByRole('contentinfo')
  await expect(footer.getByRole('link', { name: operator.name })).toHaveAttribute('href', operator.url)
  await expect(footer.getByRole('link', { name: operator.supportEmail })).toHaveAttribute('href', `mailto:${operator.supportEmail}`)
  await expect(footer.getByRole('link', { name: PRIVACY })).toHaveAttribute('href', '/privacy')
}

/** The summary box: who, why, for how long, who else; then a link to the whole notice. */
async function expectPrivacySummary(page: Page, operator: Operator) {
  const summary = page.getByRole('main').getByRole('region', { name: PRIVACY })
  await expect(summary).toContainText(`${operator.name}が、犯罪収益移転防止法に基づく取引時確認と Twilio のご契約のために利用します`)
  await expect(summary).toContainText('委託先の本人確認事業者')
  await expect(summary).toContainText('ご契約の終了後7年間保存します')
  await expect(summary.getByRole('link', { name: PRIVACY })).toHaveAttribute('href', '/privacy')
  return summary
}

test.describe('the operator and 個人情報の取り扱いについて', () => {
  test('every main page names the operator and links the notice; entry and 登録情報確認 summarise it', async ({ page, browser, request }) => {
    const operator = await configuredOperator(request)
    // `pnpm start` names no operator: the defaults say plainly that they are examples.
    expect(operator).toEqual({ name: '（例）株式会社サンプル通信', url: 'https://example.com', supportEmail: 'support@example.com', privacyPolicyUrl: null })

    await page.goto('/')
    await expectStep(page, '/', '取引時確認情報の登録')
    await expectOperatorFooter(page, operator)
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'お問い合わせ' })).toBeVisible()
    await expectPrivacySummary(page, operator)

    await startApplication(page)
    await expectOperatorFooter(page, operator)

    const loginEmail = uniqueEmail('privacy')
    const answers = sampleAnswers()
    await fillEveryStep(page, { ...answers, login: { ...answers.login, loginEmail } })
    await expectOperatorFooter(page, operator)
    const summary = await expectPrivacySummary(page, operator)
    // Read before anything is sent: the box comes above the button that sends.
    const send = page.getByRole('button', { name: '続けて本人確認画像をアップロードする' })
    const [box, button] = [await summary.boundingBox(), await send.boundingBox()]
    expect(box!.y + box!.height).toBeLessThanOrEqual(button!.y)

    await send.click()
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
    await expectOperatorFooter(page, operator)
    const { context, phone } = await openOnPhone(browser, await showQrCode(page))
    await expect(phone.getByRole('heading', { level: 1, name: '本人確認書類を選ぶ' })).toBeVisible()
    await expect(phone.getByRole('contentinfo')).toContainText('この本人確認は、次の事業者の取引時確認のために行います。')
    await expectOperatorFooter(phone, operator)
    await context.close()

    await page.goto('/inquiry')
    await expectStep(page, '/inquiry', 'お問い合わせ')
    await expectOperatorFooter(page, operator)

    // The emails are signed by the operator too, with where to ask.
    const mail = await waitForMail(request, loginEmail, 'SUBMISSION_RECEIVED')
    expect(mail.text).toContain(`${operator.name}\n取引時確認事務局\n${operator.url}\n`)
    expect(mail.text).toContain(`お問い合わせメールアドレス：${operator.supportEmail}`)
    expect(mail.text).toMatch(/\nhttps?:\/\/\S+\/inquiry\?kind=KYC\n/)
  })

  test('the notice: who, why, what, for how long, who else, and how to ask; accessible', async ({ page, request }) => {
    const operator = await configuredOperator(request)
    await openEntry(page)
    await page.getByRole('contentinfo').getByRole('link', { name: PRIVACY }).click()
    await expectStep(page, '/privacy', PRIVACY)
    await expect(page).toHaveTitle(`${PRIVACY} | 取引時確認情報の登録`)
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
      '個人情報を取り扱う事業者',
      '利用目的',
      'お預かりする情報',
      '保存期間',
      '個人情報をお渡しする先',
      '開示・訂正・利用停止などのご請求',
    ])
    const region = (name: string) => page.getByRole('region', { name })
    await expect(region('個人情報を取り扱う事業者').getByRole('link', { name: operator.name })).toHaveAttribute('href', operator.url)
    await expect(region('利用目的')).toContainText('犯罪収益移転防止法（犯罪による収益の移転防止に関する法律）第4条に基づく取引時確認')
    await expect(region('利用目的')).toContainText('Twilio のご利用契約の締結と、その後のご契約の管理のため')
    await expect(region('利用目的')).toContainText('お問い合わせにお答えするため')
    await expect(region('お預かりする情報')).toContainText('利用者情報: 氏名とフリガナ、生年月日、ご住所')
    await expect(region('お預かりする情報')).toContainText('本人確認書類の画像と記載事項、顔写真（容貌）の画像')
    await expect(region('保存期間')).toContainText('犯罪収益移転防止法第6条に基づき、ご契約が終了した日から7年間保存します')
    await expect(region('保存期間')).toContainText('同法第7条に基づき、取引が行われた日から7年間保存します')
    await expect(region('個人情報をお渡しする先')).toContainText('当社が委託するオンライン本人確認（eKYC）事業者')
    const requests = region('開示・訂正・利用停止などのご請求')
    await expect(requests).toContainText('個人情報保護法第33条〜第35条')
    await expect(requests.getByRole('link', { name: operator.supportEmail })).toHaveAttribute('href', `mailto:${operator.supportEmail}`)
    await expectNoSeriousA11yViolations(page)

    await requests.getByRole('link', { name: 'お問い合わせフォーム' }).click()
    await expectStep(page, '/inquiry', 'お問い合わせ')
    await expect(page.getByRole('radio', { name: '取引時確認', exact: true })).toBeChecked()
  })
})
