import { expect, test, type Browser, type Page } from '@playwright/test'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
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
import { newAccountSid, sampleAnswers, type FormAnswers } from '../support/answers.ts'
import { queryDatabase, statusOf } from '../support/database.ts'
import { expectErrors, expectFieldError, recordSaves } from '../support/error-summary.ts'
import { confirmationLinkIn, uniqueEmail, waitForMail } from '../support/mailbox.ts'
import { desktopNext, matchingLicence, openOnPhone, showQrCode, submitApplication, verifyOnPhone } from '../support/verification.ts'

const NOT_VERIFIED = '取引時確認済みのAccount SIDとして確認できませんでした。入力内容をご確認ください。'
const SID_IN_USE = 'この新しいAccount SIDは、すでに取引時確認済みか、別のお申し込みで手続き中です。'
const INVALID_LINK = 'このリンクは無効か、有効期限が切れているか、すでに使用されています。'
const CONFIRM_BUTTON = '私の申し込みです（紐付けを承認する）'
const DECLINE_BUTTON = '私の申し込みではありません'

const linkLogin = (verifiedAccountSid: string): Required<FormAnswers['login']> => ({
  accountSid: newAccountSid(),
  verifiedAccountSid,
  loginEmail: uniqueEmail('second'),
  contactEmail: 'second.contact@example.net',
})

/** t***@example.com, as the API masks the owner's address for the applicant. */
const masked = (address: string) => `${address[0]}***@${address.split('@')[1]}`

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
const pendingNotice = (page: Page) => page.getByRole('status').filter({ hasText: '所有者による確認をお待ちしています' })
const linkedNotice = (page: Page) => page.getByRole('status').filter({ hasText: '紐付けました' })

/** 送信する, then お申し込み完了 waiting for the owner, whose address is shown masked. */
async function sendAndExpectPending(page: Page, ownerEmail: string) {
  await sendButton(page).click()
  await expectStep(page, '/apply/complete', 'お申し込み完了')
  await expect(pendingNotice(page)).toContainText(`（${masked(ownerEmail)}）に、確認のメールをお送りしました`)
}

/** The owner, in a browser of their own, opens the emailed link; nothing is answered by opening it. */
async function openAsOwner(browser: Browser, link: string) {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
  const owner = await context.newPage()
  const answers: string[] = []
  owner.on('request', (request) => {
    if (request.method() === 'POST') answers.push(new URL(request.url()).pathname)
  })
  await owner.goto(link)
  await expect(owner.getByRole('heading', { level: 1, name: 'Account SIDの紐付けの確認' })).toBeVisible()
  return { context, owner, answers }
}

test.describe('2回目以降: a new Account SID linked to one already verified, once its owner confirms', () => {
  // Two browsers (and, for the first, a phone) and the page's polling: longer than 30 s on a loaded machine.
  test.describe.configure({ timeout: 90_000 })

  test('送信する asks the owner of the verified account by email; the owner confirms and the waiting page shows the link in place', async ({
    page,
    browser,
    request,
  }) => {
    // First, a first-time applicant verified through the phone eKYC: the owner of the verified SID.
    const ownerEmail = uniqueEmail('owner')
    const ownerAnswers = sampleAnswers({ login: { ...sampleAnswers().login, loginEmail: ownerEmail, contactEmail: 'owner.contact@example.net' } })
    const first = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
    const firstPage = await first.newPage()
    await submitApplication(firstPage, ownerAnswers)
    const verified = await currentApplication(firstPage)
    const phone = await openOnPhone(browser, await showQrCode(firstPage))
    await verifyOnPhone(phone.phone, matchingLicence)
    await phone.context.close()
    await desktopNext(firstPage).click()
    await expectStep(firstPage, '/apply/complete', 'お申し込み完了')
    await expect(firstPage.getByRole('status').filter({ hasText: '承認されました' })).toBeVisible({ timeout: 15_000 })
    await first.close()

    // Then the 2回目以降 applicant, in this browser.
    const login = linkLogin(ownerAnswers.login.accountSid)
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
    await expect(answer(page, 'Twilioログイン情報', '取引時確認済みのAccount SID')).toHaveText(ownerAnswers.login.accountSid)
    await expect(answer(page, 'Twilioログイン情報', 'Twilioコンソールログイン用メールアドレス')).toHaveText(login.loginEmail)
    await expect(page.locator('main')).toContainText('確認のメールをお送りします')
    // No identity verification in this flow: one button, 送信する.
    await expect(page.locator('main').getByRole('button')).toHaveText(['送信する'])
    await expectNoSeriousA11yViolations(page)
    const { reference } = await currentApplication(page)

    // Sent: お申し込み完了 waits for the owner, and says where the mail went and until when.
    await sendAndExpectPending(page, ownerEmail)
    const { ownerConfirmation } = (await (await page.request.get('/api/applications/current')).json()) as { ownerConfirmation: { expiresAt: string } }
    const until = formatJapanDateTime(ownerConfirmation.expiresAt)
    await expect(pendingNotice(page)).toContainText(`メールのリンクの有効期限は ${until} までです`)
    const main = page.locator('main')
    await expect(main).toContainText(`新しいAccount SID（${login.accountSid}）は、取引時確認済みのアカウントの所有者が`)
    await expect(main).toContainText(`${until}までに確認されなかった場合や、所有者が「私の申し込みではありません」を選んだ場合は、お申し込みは承認されません。`)
    await expect(main).toContainText('初めての方の手続き（本人確認書類による確認）でお申し込みください')
    await expect(page.getByTestId('reference')).toHaveText(reference)
    await expect(main).not.toContainText(ownerEmail)
    // The spam-folder advice names the domain the server sends from.
    const { mailDomain } = (await (await request.get('/api/config')).json()) as { mailDomain: string }
    await expect(page.getByRole('region', { name: 'メールが届かない場合' })).toContainText(`「@${mailDomain}」からのメールを受信できるように`)
    await expectNoSeriousA11yViolations(page)
    expect(await statusOf(reference)).toBe('SUBMITTED')
    // Sent, it cannot be edited and has nothing to verify.
    for (const path of ['/apply/login', '/apply/confirm', '/apply/verify', '/']) {
      await page.goto(path)
      await expectStep(page, '/apply/complete', 'お申し込み完了')
    }
    await expect(pendingNotice(page)).toBeVisible()

    // The applicant's receipt names the masked address; the owner's mail names the new SID and who asked.
    const receipt = await waitForMail(request, login.loginEmail, 'LINK_REQUESTED')
    expect(receipt.subject).toContain(reference)
    expect(receipt.text).toContain(masked(ownerEmail))
    const mail = await waitForMail(request, ownerEmail, 'OWNER_CONFIRMATION')
    expect(mail.subject).toContain(reference)
    expect(mail.text).toContain(login.accountSid)
    expect(mail.text).toContain(login.loginEmail)
    expect(mail.text).toContain(login.contactEmail)

    // The owner opens the link: nothing is sent until a button is pressed (mail scanners open links too).
    const { context, owner, answers } = await openAsOwner(browser, confirmationLinkIn(mail))
    await expect(owner.locator('main')).toContainText('新しいAccount SIDを紐付けるお申し込みがありました')
    await expect(owner.getByRole('button')).toHaveText([CONFIRM_BUTTON, DECLINE_BUTTON])
    await expectNoSeriousA11yViolations(owner)
    expect(answers).toEqual([])
    expect(await statusOf(reference)).toBe('SUBMITTED')

    await owner.getByRole('button', { name: CONFIRM_BUTTON }).click()
    const outcome = owner.getByRole('status').filter({ hasText: 'ご確認ありがとうございました' })
    await expect(outcome).toContainText('新しいAccount SIDを、取引時確認済みのAccount SIDに紐付けました')
    await expect(owner.getByRole('button')).toHaveCount(0)
    await expect(outcome.locator('[tabindex="-1"]')).toBeFocused()
    await expectNoSeriousA11yViolations(owner)
    expect(answers.filter((path) => path.startsWith('/api/owner-confirmations/'))).toHaveLength(1)
    await context.close()

    // The applicant's page follows without a reload.
    await expect(linkedNotice(page)).toContainText(login.accountSid, { timeout: 15_000 })
    await expect(linkedNotice(page)).toContainText(ownerAnswers.login.accountSid)
    await expect(pendingNotice(page)).toHaveCount(0)
    await expect(main).toContainText(`Twilioコンソールログイン用メールアドレス（${login.loginEmail}）宛てのメール`)
    await expectNoSeriousA11yViolations(page)

    expect(await statusOf(reference)).toBe('APPROVED')
    const decided = await queryDatabase<{ actor_type: string; from_status: string; to_status: string; data: { reliedOnApplicationId: string } }>(
      `SELECT e.actor_type, e.from_status, e.to_status, e.data FROM application_events e JOIN applications a ON a.id = e.application_id
        WHERE a.reference = $1 AND e.type = 'DECIDED'`,
      [reference],
    )
    expect(decided).toEqual([
      { actor_type: 'OWNER', from_status: 'SUBMITTED', to_status: 'APPROVED', data: expect.objectContaining({ reliedOnApplicationId: verified.id }) },
    ])
    const approved = await waitForMail(request, login.loginEmail, 'APPROVED')
    expect(approved.subject).toContain('紐付けが完了しました')
    expect(approved.subject).toContain(reference)
    expect(approved.text).toContain(login.accountSid)

    // Approved: nothing left to edit or send.
    for (const path of ['/apply/login', '/apply/confirm', '/apply/verify']) {
      await page.goto(path)
      await expectStep(page, '/apply/complete', 'お申し込み完了')
    }
    await expect(linkedNotice(page)).toBeVisible()
  })

  test('the owner declines: the page turns to the correction with the hints, and the SID can be sent again', async ({ page, browser, request }) => {
    const verified = await approvedAccountSid(request)
    const login = linkLogin(verified.accountSid)
    await fillLinkApplication(page, login)
    const { reference } = await currentApplication(page)
    await sendAndExpectPending(page, verified.loginEmail)

    const { context, owner } = await openAsOwner(browser, confirmationLinkIn(await waitForMail(request, verified.loginEmail, 'OWNER_CONFIRMATION')))
    await owner.getByRole('button', { name: DECLINE_BUTTON }).click()
    const outcome = owner.getByRole('status').filter({ hasText: 'ご回答ありがとうございました' })
    await expect(outcome).toContainText('新しいAccount SIDは紐付けず、お申し込みは承認されませんでした')
    await expect(outcome.getByRole('link', { name: 'お問い合わせ' })).toHaveAttribute('href', '/inquiry')
    await expectNoSeriousA11yViolations(owner)
    await context.close()

    // The waiting page shows the denial by itself, in place; 内容を修正する leads to the correction.
    await expect(page.locator('.review-status')).toContainText('新しいAccount SIDを紐付けできませんでした', { timeout: 30_000 })
    await page.getByRole('button', { name: '内容を修正する' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    expect(await statusOf(reference)).toBe('DENIED')
    const banner = page.getByRole('region', { name: '新しいAccount SIDを紐付けできませんでした' })
    await expect(banner.getByRole('listitem')).toHaveText([
      '取引時確認済みのアカウントの所有者から、このお申し込みを確認できないとの回答がありました。',
      '取引時確認済みのAccount SIDに誤りがある場合は、修正してもう一度送信してください。',
      'それ以外の場合は、最初のページで「持っていない」を選び、初めての方の手続き（本人確認書類による確認）でお申し込みください。',
    ])
    await expect(banner).not.toContainText('本人確認書類と同じ内容')
    await expect(banner.getByRole('link', { name: '最初のページ' })).toHaveAttribute('href', '/')
    const loginGroup = page.getByRole('region', { name: 'Twilioログイン情報' })
    await expect(loginGroup.locator('.answer-row', { hasText: '取引時確認済みのAccount SID' })).toContainText('要確認')
    await expect(loginGroup.locator('.answer-row', { hasText: '新しいAccount SID' }).first()).not.toContainText('要確認')
    await expect(page.locator('main').getByRole('button')).toHaveText(['送信する'])
    await expectNoSeriousA11yViolations(page)
    const denied = await waitForMail(request, login.loginEmail, 'DENIED')
    expect(denied.text).toContain('確認できないとの回答がありました')

    // 変更 shows why on the step; sent again, the owner is asked again with a new link.
    await changeLink(page, 'Twilioログイン情報').click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    await expect(page.getByText('取引時確認済みのアカウントの所有者による確認が得られなかったため、お申し込みは承認されませんでした。')).toBeVisible()
    await expect(field(page, '取引時確認済みのAccount SID')).toHaveValue(verified.accountSid)
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await sendAndExpectPending(page, verified.loginEmail)
    expect(await statusOf(reference)).toBe('SUBMITTED')
    await waitForMail(request, verified.loginEmail, 'OWNER_CONFIRMATION', 2)
  })

  test('after a decline, the entry question offers the first-time way', async ({ page, browser, request }) => {
    const verified = await approvedAccountSid(request)
    await fillLinkApplication(page, linkLogin(verified.accountSid))
    const declined = await currentApplication(page)
    await sendAndExpectPending(page, verified.loginEmail)
    const { context, owner } = await openAsOwner(browser, confirmationLinkIn(await waitForMail(request, verified.loginEmail, 'OWNER_CONFIRMATION')))
    await owner.getByRole('button', { name: DECLINE_BUTTON }).click()
    await expect(owner.getByRole('status').filter({ hasText: 'ご回答ありがとうございました' })).toBeVisible()
    await context.close()
    await page.getByRole('button', { name: '内容を修正する' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')

    await page.getByRole('region', { name: '新しいAccount SIDを紐付けできませんでした' }).getByRole('link', { name: '最初のページ' }).click()
    await expectStep(page, '/', '取引時確認情報の登録')
    await expect(page.locator('main')).toContainText(`紐付けのお申し込み（受付番号 ${declined.reference}）は承認されませんでした。`)
    await expect(page.getByRole('link', { name: '紐付けのお申し込みの内容を修正する' })).toHaveAttribute('href', '/apply/confirm')
    await expectNoSeriousA11yViolations(page)
    await page.getByRole('radio', { name: '持っていない', exact: true }).check()
    await page.getByRole('button', { name: '次へ' }).click()
    await expectStep(page, '/apply/type', 'お申し込み内容の入力')
    const fresh = await currentApplication(page)
    expect(fresh.reference).not.toBe(declined.reference)
    expect(fresh.status).toBe('DRAFT')
  })

  test('a confirmation link works once: used again, or never issued, it shows one neutral page', async ({ page, browser, request }) => {
    const verified = await approvedAccountSid(request)
    await fillLinkApplication(page, linkLogin(verified.accountSid))
    const { reference } = await currentApplication(page)
    await sendAndExpectPending(page, verified.loginEmail)
    const link = confirmationLinkIn(await waitForMail(request, verified.loginEmail, 'OWNER_CONFIRMATION'))

    const first = await openAsOwner(browser, link)
    await first.owner.getByRole('button', { name: CONFIRM_BUTTON }).click()
    await expect(first.owner.getByRole('status').filter({ hasText: 'ご確認ありがとうございました' })).toBeVisible()
    await first.context.close()
    await expect(linkedNotice(page)).toBeVisible({ timeout: 15_000 })

    for (const unusable of [link, link.replace(/\/link-confirm\/.+$/, '/link-confirm/this-token-was-never-issued')]) {
      const again = await openAsOwner(browser, unusable)
      // Opening it still answers nothing; the refusal comes with the button, for either answer.
      await again.owner.getByRole('button', { name: DECLINE_BUTTON }).click()
      await expect(again.owner.getByRole('heading', { level: 1, name: 'このリンクはご利用いただけません' })).toBeFocused()
      await expect(again.owner.locator('main')).toContainText(INVALID_LINK)
      // Nothing to renew: unlike a resume link, no new link is offered.
      await expect(again.owner.getByRole('button')).toHaveCount(0)
      await expect(again.owner.locator('main').getByRole('link', { name: 'お問い合わせ' })).toHaveAttribute('href', '/inquiry')
      await expectNoSeriousA11yViolations(again.owner)
      await again.context.close()
    }
    // The declined answer on a used link changed nothing.
    expect(await statusOf(reference)).toBe('APPROVED')
  })

  test('unanswered until it expires: the link is spent, and the denial by the system takes the waiting page to the correction', async ({ page, browser, request }) => {
    // The API's expiry worker runs with the outbox poll (200 ms here).
    const verified = await approvedAccountSid(request)
    await fillLinkApplication(page, linkLogin(verified.accountSid))
    const { id, reference } = await currentApplication(page)
    await sendAndExpectPending(page, verified.loginEmail)
    const link = confirmationLinkIn(await waitForMail(request, verified.loginEmail, 'OWNER_CONFIRMATION'))

    // Time passes: the link's expiry is moved into the past.
    await queryDatabase(`UPDATE owner_confirmations SET expires_at = now() - interval '1 minute' WHERE application_id = $1`, [id])
    const late = await openAsOwner(browser, link)
    await late.owner.getByRole('button', { name: CONFIRM_BUTTON }).click()
    await expect(late.owner.getByRole('heading', { level: 1, name: 'このリンクはご利用いただけません' })).toBeVisible()
    await late.context.close()

    // The system denies it, and the waiting page shows it in place; 内容を修正する leads to the correction.
    await expect(page.locator('.review-status')).toContainText('新しいAccount SIDを紐付けできませんでした', { timeout: 30_000 })
    await page.getByRole('button', { name: '内容を修正する' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await expect(page.getByRole('region', { name: '新しいAccount SIDを紐付けできませんでした' }).getByRole('listitem').first()).toHaveText(
      '取引時確認済みのアカウントの所有者による確認が、期限までに行われませんでした。',
    )
    expect(await statusOf(reference)).toBe('DENIED')
    await expectNoSeriousA11yViolations(page)
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

    // 変更 → the right SID → back to the confirmation screen → 送信する → waiting for its owner.
    const verified = await approvedAccountSid(request)
    await changeLink(page, 'Twilioログイン情報').click()
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    await expect(field(page, '取引時確認済みのAccount SID')).toHaveValue(unknown)
    await field(page, '取引時確認済みのAccount SID').fill(verified.accountSid)
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await sendAndExpectPending(page, verified.loginEmail)
    expect(await statusOf(reference)).toBe('SUBMITTED')
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
