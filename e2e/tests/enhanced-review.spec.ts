import { expect, test, type Page } from '@playwright/test'
import { REVIEW_DOCUMENT_HINTS, REVIEW_DOCUMENT_LABELS } from '@kakunin/schema/high-risk'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { currentApplication, expectStep, fillEveryStep, startApplication } from '../support/applicant-form.ts'
import { sampleAnswers } from '../support/answers.ts'
import { queryDatabase, statusOf } from '../support/database.ts'
import { expectFieldError } from '../support/error-summary.ts'
import { JPEG_IMAGE, pdfDocument } from '../support/images.ts'
import { resumeLinkIn, uniqueEmail, waitForMail } from '../support/mailbox.ts'
import { staffApi } from '../support/staff.ts'
import { desktopNext, matchingLicence, openOnPhone, showQrCode, verifyOnPhone } from '../support/verification.ts'

const FOREIGN_PEP = '外国の重要な公人（外国の元首、大臣、大使など）である'
const HIGH_VALUE = 'Twilioを200万円以上の財産の取引に使用する可能性がある'
const HIGH_VALUE_HINT = '該当する場合はチェックしてください。法令（犯罪収益移転防止法）では、200万円を超える財産の移転を伴う取引が対象です。'
const ADDITIONAL_ID = REVIEW_DOCUMENT_LABELS.ADDITIONAL_ID
const INCOME_ASSETS = REVIEW_DOCUMENT_LABELS.INCOME_ASSETS

const documentInput = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}`))
/** アップロードする, with the document's name for screen readers (visually hidden, so read after a space). */
const uploadButton = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`^アップロードする\\s*（${label}）$`) })
/** The upload buttons of a page's 追加の書類の提出 (a file input is a button too, for the accessibility tree). */
const uploadButtons = (page: Page) => page.getByRole('region', { name: '追加の書類の提出' }).getByRole('button', { name: /^アップロードする/ })
const reviewStatus = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text })

test.describe('高リスク取引 (犯収法4条2項): a 外国PEP uploads more documents, and only a 統括管理者 approves', () => {
  // Two devices, the reviewer's delay and the page's polling: longer than 30 s on a loaded machine.
  test.describe.configure({ timeout: 90_000 })

  test('after the phone eKYC the completion page asks for the documents; both are uploaded; a reviewer is refused and compliance approves in place', async ({
    page,
    browser,
    request,
  }) => {
    const answers = sampleAnswers({
      login: { ...sampleAnswers().login, loginEmail: uniqueEmail('pep') },
      purpose: { purposes: ['SMSを使ったチャットボット'], highValueTransactions: true },
      extra: { occupation: '会社員', foreignPep: FOREIGN_PEP },
    })
    await startApplication(page)
    await fillEveryStep(page, answers, {
      onStep: async (title) => {
        // The article's label, and the law's threshold exactly in the hint.
        if (title === '内容・目的') await expect(page.getByRole('checkbox', { name: HIGH_VALUE })).toHaveAccessibleDescription(HIGH_VALUE_HINT)
      },
    })
    await page.getByRole('button', { name: '続けて本人確認画像をアップロードする' }).click()
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
    const { reference, id } = await currentApplication(page)

    const { context, phone } = await openOnPhone(browser, await showQrCode(page))
    await verifyOnPhone(phone, matchingLicence)
    await context.close()
    await desktopNext(page).click()

    // The provider approves, but the customer is high-risk: ENHANCED_REVIEW, shown in place.
    await expectStep(page, '/apply/complete', 'お申し込み完了')
    await expect(reviewStatus(page, '追加の書類のご提出が必要です')).toContainText('法令（犯罪収益移転防止法4条2項）に基づき', { timeout: 15_000 })
    expect(await statusOf(reference)).toBe('ENHANCED_REVIEW')
    // One upload per document asked for, in the order asked.
    await expect(uploadButtons(page)).toHaveCount(2)
    await expect(uploadButtons(page).nth(0)).toHaveAccessibleName(new RegExp(`（${ADDITIONAL_ID}）$`))
    await expect(uploadButtons(page).nth(1)).toHaveAccessibleName(new RegExp(`（${INCOME_ASSETS}）$`))
    for (const [label, hint] of [
      [ADDITIONAL_ID, REVIEW_DOCUMENT_HINTS.ADDITIONAL_ID],
      [INCOME_ASSETS, REVIEW_DOCUMENT_HINTS.INCOME_ASSETS],
    ] as const) {
      await expect(documentInput(page, label)).toHaveAttribute('accept', 'image/*,application/pdf')
      await expect(documentInput(page, label)).toHaveAccessibleDescription(new RegExp(hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      await expect(reviewStatus(page, `${label}：まだ提出されていません`)).toBeVisible()
    }
    await expect(page.locator('main')).toContainText('ご提出いただいた書類を確認したうえで、審査の結果をメールでお知らせします')
    await expectNoSeriousA11yViolations(page)

    // The email asks for the same documents, with a link back.
    const asked = await waitForMail(request, answers.login.loginEmail, 'ENHANCED_REVIEW')
    expect(asked.subject).toContain(reference)
    expect(asked.text).toContain(ADDITIONAL_ID)
    expect(asked.text).toContain(INCOME_ASSETS)
    resumeLinkIn(asked)

    // Refusals are on the field and announced: nothing chosen, not a document, and the API's word on the bytes.
    const uploads: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/review-documents/')) uploads.push(r.url().split('/').pop()!)
    })
    await uploadButton(page, ADDITIONAL_ID).click()
    await expect(page.getByRole('alert').filter({ hasText: `${ADDITIONAL_ID}のファイルを選択してください` })).toBeVisible()
    await expect(documentInput(page, ADDITIONAL_ID)).toBeFocused()
    await documentInput(page, ADDITIONAL_ID).setInputFiles({ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('これは書類ではありません') })
    await uploadButton(page, ADDITIONAL_ID).click()
    await expectFieldError(documentInput(page, ADDITIONAL_ID), '画像（JPEG、PNG、HEIC、WebP）またはPDFのファイルを選択してください')
    expect(uploads).toEqual([])
    await documentInput(page, ADDITIONAL_ID).setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') })
    await uploadButton(page, ADDITIONAL_ID).click()
    const refusal = `${ADDITIONAL_ID}は、画像（JPEG、PNG、HEIC、WebP）またはPDFで提出してください。`
    await expect(page.getByRole('alert').filter({ hasText: refusal })).toBeVisible()
    await expectFieldError(documentInput(page, ADDITIONAL_ID), refusal)
    expect(uploads).toEqual(['ADDITIONAL_ID'])
    await expectNoSeriousA11yViolations(page)

    // A photo of a second ID, then a PDF of the income document.
    await documentInput(page, ADDITIONAL_ID).setInputFiles({ name: 'insurance-card.jpg', mimeType: 'image/jpeg', buffer: JPEG_IMAGE })
    await uploadButton(page, ADDITIONAL_ID).click()
    await expect(reviewStatus(page, `${ADDITIONAL_ID}：提出済み`)).toBeVisible()
    await expect(documentInput(page, ADDITIONAL_ID)).not.toHaveAttribute('aria-invalid', 'true')
    await expect(reviewStatus(page, `${INCOME_ASSETS}：まだ提出されていません`)).toBeVisible()
    await documentInput(page, INCOME_ASSETS).setInputFiles({ name: 'tax-return.pdf', mimeType: 'application/pdf', buffer: pdfDocument() })
    await uploadButton(page, INCOME_ASSETS).click()
    await expect(reviewStatus(page, `${INCOME_ASSETS}：提出済み`)).toBeVisible()
    await expect(reviewStatus(page, '必要な書類はすべてご提出いただきました')).toBeVisible()
    await expectNoSeriousA11yViolations(page)

    const stored = await queryDatabase<{ kind: string; type: string }>('SELECT kind, type FROM review_documents WHERE application_id = $1 ORDER BY created_at', [id])
    expect(stored).toEqual([
      { kind: 'ADDITIONAL_ID', type: 'image/jpeg' },
      { kind: 'INCOME_ASSETS', type: 'application/pdf' },
    ])

    // A reviewer may not approve a high-risk application; the 統括管理者 (compliance) may, with a reason.
    const reviewer = staffApi(request, 'reviewer')
    const staffId = await reviewer.findByReference(reference)
    expect((await reviewer.read(staffId)).reviewDocuments.map((d) => d.kind).sort()).toEqual(['ADDITIONAL_ID', 'INCOME_ASSETS'])
    const refused = await reviewer.decision(staffId, { decision: 'APPROVE', reason: '書類を確認した' })
    expect(refused.response.status).toBe(403)
    expect(refused.error?.error.message).toContain('統括管理者')
    const compliance = staffApi(request, 'compliance')
    expect((await compliance.decision(staffId, { decision: 'APPROVE' })).response.status).toBe(400)
    expect(await statusOf(reference)).toBe('ENHANCED_REVIEW')
    await expect(reviewStatus(page, '必要な書類はすべてご提出いただきました')).toBeVisible()
    await compliance.decide(staffId, { decision: 'APPROVE', reason: '外国PEPsに該当。2点目の本人確認書類と源泉徴収票を確認し、取引の目的に問題なし。' })

    // The open page shows the approval without a reload; the uploads are gone.
    await expect(reviewStatus(page, '承認されました')).toContainText('取引時確認は完了です', { timeout: 15_000 })
    await expect(page.getByRole('region', { name: '追加の書類の提出' })).toHaveCount(0)
    await expectNoSeriousA11yViolations(page)
    expect(await statusOf(reference)).toBe('APPROVED')
    const decided = (await compliance.read(staffId)).events.filter((e) => e.type === 'DECIDED')
    expect(decided.map((e) => [e.actorType, e.fromStatus, e.toStatus])).toEqual([
      ['PROVIDER', 'IN_REVIEW', 'ENHANCED_REVIEW'],
      ['STAFF', 'ENHANCED_REVIEW', 'APPROVED'],
    ])
    const approved = await waitForMail(request, answers.login.loginEmail, 'APPROVED')
    expect(approved.subject).toContain(reference)
  })

  test('the emailed link opens the upload on another device, and takes the application away from the first browser', async ({
    page,
    browser,
    request,
  }) => {
    const answers = sampleAnswers({ login: { ...sampleAnswers().login, loginEmail: uniqueEmail('pep') }, extra: { occupation: '会社員', foreignPep: '過去に外国の重要な公人であった' } })
    await startApplication(page)
    await fillEveryStep(page, answers)
    await page.getByRole('button', { name: '続けて本人確認画像をアップロードする' }).click()
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
    const { reference } = await currentApplication(page)
    const { context, phone } = await openOnPhone(browser, await showQrCode(page))
    await verifyOnPhone(phone, matchingLicence)
    await context.close()
    await expect.poll(() => statusOf(reference), { timeout: 15_000 }).toBe('ENHANCED_REVIEW')

    // Another browser, from the email: 続きから入力する lands on the upload.
    const other = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
    const otherPage = await other.newPage()
    await otherPage.goto(resumeLinkIn(await waitForMail(request, answers.login.loginEmail, 'ENHANCED_REVIEW')))
    await otherPage.getByRole('button', { name: 'この申し込みを続ける' }).click()
    await expectStep(otherPage, '/apply/complete', 'お申し込み完了')
    // Without the 200万円 box, only the second document is asked for.
    await expect(uploadButtons(otherPage)).toHaveCount(1)
    await expect(uploadButton(otherPage, ADDITIONAL_ID)).toBeVisible()
    await documentInput(otherPage, ADDITIONAL_ID).setInputFiles({ name: 'residence.pdf', mimeType: 'application/pdf', buffer: pdfDocument('juminhyo') })
    await uploadButton(otherPage, ADDITIONAL_ID).click()
    await expect(reviewStatus(otherPage, `${ADDITIONAL_ID}：提出済み`)).toBeVisible()
    await other.close()

    // The link handed the application to the other browser: the first one's session was replaced,
    // so it no longer reaches the application and is back at the entry question.
    expect((await page.request.get('/api/applications/current')).status()).toBe(204)
    await desktopNext(page).click()
    await expectStep(page, '/', '取引時確認情報の登録')
  })
})
