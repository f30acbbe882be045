import { expect, test, type Browser } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import {
  currentApplication,
  expectStep,
  field,
  fillAgentStep,
  fillExtraStep,
  fillEveryStep,
  fillPerson,
  fillPurposeStep,
  nextButton,
  startApplication,
} from '../support/applicant-form.ts'
import { sampleAnswers, type FormAnswers } from '../support/answers.ts'
import { queryDatabase } from '../support/database.ts'
import { resumeLinkIn, uniqueEmail, waitForMail } from '../support/mailbox.ts'
import { matchingLicence, showQrCode, submitApplication, verifyThroughApi } from '../support/verification.ts'

const withOwnAddress = (): FormAnswers => sampleAnswers({ login: { ...sampleAnswers().login, loginEmail: uniqueEmail() } })
const masked = (address: string) => `${address[0]}***@${address.split('@')[1]}`
const sentTo = (address: string) => `${masked(address)} に、続きから入力するためのリンクをお送りしました`

/** A browser that has never seen the application: no cookie, like another device. */
async function freshPage(browser: Browser) {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
  return { context, page: await context.newPage() }
}

test.describe('drafts: 下書き保存 and the emailed link to continue', () => {
  // Two devices and the reviewer's delay: on a loaded 2-core machine these take longer than 30 s.
  test.describe.configure({ timeout: 90_000 })

  test('a draft saved on a step is continued from the mailed link on another device, and submitted', async ({ page, browser, request }) => {
    const answers = withOwnAddress()
    const address = answers.login.loginEmail
    await startApplication(page)
    await fillEveryStep(page, answers, { stopAt: '/apply/user' })
    await fillPerson(page, answers.user)
    await page.getByRole('button', { name: '下書き保存' }).click()
    await expect(page.getByRole('status').filter({ hasText: sentTo(address) })).toBeVisible()
    // Still on the step, with what was typed.
    await expectStep(page, '/apply/user', '利用者情報')
    await expect(field(page, '姓')).toHaveValue('山田')
    const { reference } = await currentApplication(page)

    const mail = await waitForMail(request, address, 'DRAFT_SAVED')
    expect(mail.subject).toContain(reference)
    const link = resumeLinkIn(mail)

    // Opening the link only shows whose application it continues (mail scanners open links, and a
    // link someone else sent must be recognisable); the button uses it.
    const other = await freshPage(browser)
    await other.page.goto(link)
    await expect(other.page.getByRole('heading', { level: 1, name: 'お申し込みの続き' })).toBeVisible()
    await expect(other.page.getByTestId('resume-reference')).toHaveText(reference)
    await expect(other.page.locator('main dl')).toContainText(masked(address))
    await expect(other.page.locator('main dl')).toContainText('入力の途中です')
    await expectNoSeriousA11yViolations(other.page)
    const tokens = await queryDatabase<{ used_at: Date | null }>(
      'SELECT t.used_at FROM resume_tokens t JOIN applications a ON a.id = t.application_id WHERE a.reference = $1',
      [reference],
    )
    expect(tokens).toEqual([{ used_at: null }])
    await other.page.getByRole('button', { name: 'この申し込みを続ける' }).click()

    // Where they left off, with the step's saved answers.
    await expectStep(other.page, '/apply/user', '利用者情報')
    await expect(field(other.page, '姓')).toHaveValue('山田')
    await expect(field(other.page, '町域・番地')).toHaveValue(answers.user.address.town)
    await nextButton(other.page).click()
    await expectStep(other.page, '/apply/purpose', '内容・目的')
    await fillPurposeStep(other.page, answers.purpose)
    await nextButton(other.page).click()
    await fillExtraStep(other.page, answers.extra)
    await nextButton(other.page).click()
    await fillAgentStep(other.page, answers.agent)
    await nextButton(other.page).click()
    await expectStep(other.page, '/apply/confirm', '登録情報確認')
    await other.page.getByRole('button', { name: '続けて本人確認画像をアップロードする' }).click()
    await expectStep(other.page, '/apply/verify', '身元確認用フォーム')
    await expect(other.page.getByTestId('reference')).toHaveText(reference)
    const [row] = await queryDatabase<{ status: string }>('SELECT status FROM applications WHERE reference = $1', [reference])
    expect(row!.status).toBe('SUBMITTED')

    // The link was used: a third device gets the neutral page at once, and can ask for a new link.
    const third = await freshPage(browser)
    await third.page.goto(link)
    await expect(third.page.getByRole('heading', { level: 1, name: 'このリンクはご利用いただけません' })).toBeVisible()
    await expect(third.page.locator('main')).toContainText('このリンクは無効か、有効期限が切れているか、すでに使用されています')
    await expectNoSeriousA11yViolations(third.page)
    await third.page.getByRole('button', { name: '新しいリンクを送る' }).click()
    await expect(third.page.getByRole('status').filter({ hasText: '新しいリンクをお送りしました' })).toBeVisible()

    // The fresh link arrives, and leads to where the application now continues: 身元確認.
    const renewed = await waitForMail(request, address, 'DRAFT_SAVED', 2)
    const newLink = resumeLinkIn(renewed)
    expect(newLink).not.toBe(link)
    await third.page.goto(newLink)
    await third.page.getByRole('button', { name: 'この申し込みを続ける' }).click()
    await expectStep(third.page, '/apply/verify', '身元確認用フォーム')
    await other.context.close()
    await third.context.close()
  })

  test('途中保存して終了 saves the step, ends the session (the old cookie reaches nothing), and the mailed link brings the person back', async ({ page, request }) => {
    const answers = withOwnAddress()
    const address = answers.login.loginEmail
    await startApplication(page)
    await fillEveryStep(page, answers, { stopAt: '/apply/user' })
    await fillPerson(page, answers.user)
    const { id, reference } = await currentApplication(page)
    const cookie = (await page.context().cookies()).find((c) => c.name === 'kakunin_applicant')!
    expect(cookie).toBeDefined()

    await page.getByRole('button', { name: '途中保存して終了' }).click()
    const heading = page.getByRole('heading', { level: 1, name: '入力内容を保存して終了しました' })
    await expect(heading).toBeFocused()
    await expect(page).toHaveURL(/\/apply\/saved$/)
    await expect(page.locator('main')).toContainText(`${masked(address)} に、続きから入力するためのリンクをお送りしました`)
    await expect(page.locator('main')).toContainText('ここまでの入力内容は保存されています。')
    await expectNoSeriousA11yViolations(page)

    // The session ended on the server: the browser has no cookie, and a copy of the old one is refused.
    expect((await page.context().cookies()).find((c) => c.name === 'kakunin_applicant')).toBeUndefined()
    expect((await page.request.get('/api/applications/current')).status()).toBe(204)
    const withOldCookie = { headers: { cookie: `kakunin_applicant=${cookie.value}` } }
    expect((await request.get('/api/applications/current', withOldCookie)).status()).toBe(204)
    expect((await request.get(`/api/applications/${id}`, withOldCookie)).status()).toBe(404)
    const [session] = await queryDatabase<{ revoked_reason: string | null }>(
      'SELECT revoked_reason FROM applicant_sessions WHERE application_id = $1',
      [id],
    )
    expect(session!.revoked_reason).toBe('LOGOUT')
    // Back does not reopen the form.
    await page.goto('/apply/user')
    await expectStep(page, '/', '取引時確認情報の登録')

    // The mailed link: whose application it is first, then where they stopped, with the step saved.
    const mail = await waitForMail(request, address, 'DRAFT_SAVED')
    expect(mail.subject).toContain(reference)
    await page.goto(resumeLinkIn(mail))
    await expect(page.getByTestId('resume-reference')).toHaveText(reference)
    await page.getByRole('button', { name: 'この申し込みを続ける' }).click()
    await expectStep(page, '/apply/user', '利用者情報')
    await expect(field(page, '姓')).toHaveValue('山田')
    await expect(field(page, '町域・番地')).toHaveValue(answers.user.address.town)
  })

  test('a partial draft survives a reload: the right fields from the server, the wrong one from this tab', async ({ page }) => {
    const answers = withOwnAddress()
    await startApplication(page)
    await fillEveryStep(page, answers, { stopAt: '/apply/user' })
    await fillPerson(page, { ...answers.user, familyNameKana: 'やまだ', birthDate: { year: '1990', month: '2', day: '30' } })
    await page.getByRole('button', { name: '下書き保存' }).click()
    const status = page.getByRole('status').filter({ hasText: '保存しました。次の項目はまだ保存していません' })
    await expect(status).toContainText('生年月日（実在する日付を入力してください）')

    // The server kept the right fields, the フリガナ folded to カタカナ, and not the date.
    const { id } = await currentApplication(page)
    const [row] = await queryDatabase<{ answers: { user?: unknown; drafts?: { user?: Record<string, unknown> } } }>(
      'SELECT answers FROM applications WHERE id = $1',
      [id],
    )
    expect(row!.answers.user).toBeUndefined()
    expect(row!.answers.drafts?.user).toMatchObject({ familyName: answers.user.familyName, familyNameKana: 'ヤマダ' })
    expect(row!.answers.drafts?.user?.birthDate).toBeUndefined()

    await page.reload()
    await expectStep(page, '/apply/user', '利用者情報')
    await expect(field(page, '姓')).toHaveValue(answers.user.familyName)
    await expect(field(page, 'セイ')).toHaveValue('ヤマダ')
    await expect(page.getByLabel('日', { exact: true })).toHaveValue('30')

    // Corrected and saved whole: the tab holds nothing more, and the draft is gone.
    await page.getByLabel('日', { exact: true }).fill('28')
    await nextButton(page).click()
    await expectStep(page, '/apply/purpose', '内容・目的')
    expect(await page.evaluate((key) => sessionStorage.getItem(key), `kakunin:draft:${id}:user`)).toBeNull()
    const [saved] = await queryDatabase<{ answers: { user?: { birthDate: unknown }; drafts?: Record<string, unknown> } }>(
      'SELECT answers FROM applications WHERE id = $1',
      [id],
    )
    expect(saved!.answers.user?.birthDate).toEqual({ year: '1990', month: '2', day: '28' })
    expect(saved!.answers.drafts).toEqual({})
  })

  test('leaving a step by a footer link, or closing the tab, saves the right fields; the next save meets no conflict', async ({ page, context }) => {
    const answers = withOwnAddress()
    await startApplication(page)
    await fillEveryStep(page, answers, { stopAt: '/apply/user' })
    const { id } = await currentApplication(page)
    const draftOf = async () =>
      (await queryDatabase<{ answers: { drafts?: { user?: Record<string, unknown> } } }>('SELECT answers FROM applications WHERE id = $1', [id]))[0]!
        .answers.drafts?.user

    // A footer link: the right fields go to the server on the way out, the wrong date stays in this tab.
    await fillPerson(page, { ...answers.user, birthDate: { year: '1990', month: '2', day: '30' } })
    await page.getByRole('contentinfo').getByRole('link', { name: '個人情報の取り扱いについて' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '個人情報の取り扱いについて' })).toBeVisible()
    await expect.poll(draftOf).toMatchObject({ familyName: answers.user.familyName, givenName: answers.user.givenName })
    expect((await draftOf())?.birthDate).toBeUndefined()

    await page.goBack()
    await expectStep(page, '/apply/user', '利用者情報')
    await expect(page.getByTestId('restored-notice')).toContainText('生年月日（実在する日付を入力してください）')
    await expect(page.getByLabel('日', { exact: true })).toHaveValue('30')

    // Closing the tab: the draft still arrives (a new tab has none of the old one's storage).
    await field(page, '名').fill('花子')
    await page.close({ runBeforeUnload: true })
    await expect.poll(async () => (await draftOf())?.givenName).toBe('花子')
    const again = await context.newPage()
    await again.goto('/apply/user')
    await expectStep(again, '/apply/user', '利用者情報')
    await expect(field(again, '名')).toHaveValue('花子')
    await expect(again.getByLabel('日', { exact: true })).toHaveValue('')

    // The version those saves moved on is this tab's own: 次へ saves, with no conflict.
    await again.getByLabel('年', { exact: true }).fill('1990')
    await again.getByLabel('月', { exact: true }).fill('2')
    await again.getByLabel('日', { exact: true }).fill('28')
    await nextButton(again).click()
    await expectStep(again, '/apply/purpose', '内容・目的')
  })

  test('下書き保存 on a step that does not validate says it was not saved, and still sends the link', async ({ page, request }) => {
    const answers = withOwnAddress()
    const writes: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'PUT') writes.push(new URL(r.url()).pathname.split('/').pop()!)
    })
    await startApplication(page)
    // On the first step there is no address to send to yet.
    await page.getByRole('button', { name: '下書き保存' }).click()
    await expect(page.getByRole('alert').filter({ hasText: '「Twilioログイン情報」でメールアドレスを入力すると、下書きのリンクをお送りできます。' })).toBeVisible()

    await fillEveryStep(page, answers, { stopAt: '/apply/purpose' })
    await page.getByRole('button', { name: '下書き保存' }).click()
    const summary = page.getByRole('alert').filter({ hasText: '入力内容に問題があります' })
    await expect(summary).toBeFocused()
    const status = page.getByRole('status').filter({ hasText: sentTo(answers.login.loginEmail) })
    await expect(status).toBeVisible()
    // Nothing typed on this screen: nothing to write, and nothing said to be left behind.
    await expect(status).toContainText('この画面の入力内容を保存しました。')
    expect(writes).toEqual(['type', 'login', 'user'])

    // The link resumes at the step the earlier steps led to.
    const link = resumeLinkIn(await waitForMail(request, answers.login.loginEmail, 'DRAFT_SAVED'))
    expect(link).toContain('/resume/')
  })

  test('the confirmation screen’s 下書きを保存し、あとで… emails the link, and it opens the confirmation screen', async ({ page, browser, request }) => {
    const answers = withOwnAddress()
    await startApplication(page)
    await fillEveryStep(page, answers)
    await page.getByRole('button', { name: '下書きを保存し、あとで本人確認画像をアップロードする' }).click()
    await expect(page.getByRole('status').filter({ hasText: sentTo(answers.login.loginEmail) })).toBeVisible()
    const { reference } = await currentApplication(page)
    const [row] = await queryDatabase<{ status: string }>('SELECT status FROM applications WHERE reference = $1', [reference])
    expect(row!.status).toBe('DRAFT')

    const other = await freshPage(browser)
    await other.page.goto(resumeLinkIn(await waitForMail(request, answers.login.loginEmail, 'DRAFT_SAVED')))
    await other.page.getByRole('button', { name: 'この申し込みを続ける' }).click()
    await expectStep(other.page, '/apply/confirm', '登録情報確認')
    await other.context.close()
  })

  test('あとで本人確認を行う on 身元確認用フォーム emails a link that comes back to it', async ({ page, browser, request }) => {
    const answers = withOwnAddress()
    await submitApplication(page, answers)
    await page.getByRole('button', { name: 'あとで本人確認を行う' }).click()
    await expect(page.getByRole('status').filter({ hasText: sentTo(answers.login.loginEmail) })).toBeVisible()

    const other = await freshPage(browser)
    await other.page.goto(resumeLinkIn(await waitForMail(request, answers.login.loginEmail, 'DRAFT_SAVED')))
    await other.page.getByRole('button', { name: 'この申し込みを続ける' }).click()
    await expectStep(other.page, '/apply/verify', '身元確認用フォーム')
    await expect(other.page.getByRole('button', { name: '利用者身元確認プランの確認を行う' })).toBeVisible()
    await other.context.close()
  })

  test('the 否認 mail’s link opens the correction on another device', async ({ page, browser, request }) => {
    const answers = withOwnAddress()
    await submitApplication(page, answers)
    const { reference } = await currentApplication(page)
    const url = await showQrCode(page)
    await verifyThroughApi(request, url, { ...matchingLicence, birthDate: { year: '1991', month: '4', day: '1' } })

    const denied = await waitForMail(request, answers.login.loginEmail, 'DENIED')
    expect(denied.subject).toContain(reference)
    expect(denied.text).toContain('生年月日が本人確認書類の記載と一致しません')

    const other = await freshPage(browser)
    await other.page.goto(resumeLinkIn(denied))
    await other.page.getByRole('button', { name: 'この申し込みを続ける' }).click()
    await expectStep(other.page, '/apply/confirm', '登録情報確認')
    const banner = other.page.getByRole('region', { name: '審査の結果、お申し込みを承認できませんでした' })
    await expect(banner.getByRole('listitem')).toHaveText(['生年月日が本人確認書類の記載と一致しません。'])
    await expect(
      other.page.getByRole('region', { name: '利用者情報' }).locator('.answer-row', { hasText: '利用者 生年月日' }),
    ).toContainText('要確認')
    await expectNoSeriousA11yViolations(other.page)
    await other.context.close()
  })

  test('a refused request for a new link shows the server’s message', async ({ page }) => {
    await page.route('**/api/resume/*/renew', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'リクエストが多すぎます。しばらくしてからお試しください。' } }),
      }),
    )
    await page.goto('/resume/not-a-real-token')
    await expect(page.getByRole('heading', { level: 1, name: 'このリンクはご利用いただけません' })).toBeVisible()
    await page.getByRole('button', { name: '新しいリンクを送る' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'リクエストが多すぎます。しばらくしてからお試しください。' })).toBeVisible()
  })
})
