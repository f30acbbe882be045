import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { field } from '../support/applicant-form.ts'
import { sampleAnswers } from '../support/answers.ts'
import { expectFieldError } from '../support/error-summary.ts'
import { photo, pngImage } from '../support/images.ts'
import { chooseDocument, enterDetails, matchingLicence, openOnPhone, PHONE_DONE, photoInput, photoPreview, showQrCode, submitApplication, takePhoto } from '../support/verification.ts'

const NOT_AN_IMAGE = '画像ファイル（JPEG、PNG、HEIC、WebP）を選択してください'

/** The upload requests a phone page sends, to prove a refused file never left the phone. */
function recordUploads(phone: Page): string[] {
  const uploads: string[] = []
  phone.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/uploads/')) uploads.push(request.url().split('/').pop()!)
  })
  return uploads
}

test.describe('the sandbox app on the phone', () => {
  test('refuses a file that is not an image, or too large, before sending it, and shows the server’s refusal too', async ({ page, browser }) => {
    await submitApplication(page, sampleAnswers())
    const { context, phone } = await openOnPhone(browser, await showQrCode(page))
    await chooseDocument(phone)
    const uploads = recordUploads(phone)
    const front = photoInput(phone, '表面')

    // A text file: the browser refuses it, in Japanese, on the field.
    await front.setInputFiles({ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('これは画像ではありません') })
    await expectFieldError(front, NOT_AN_IMAGE)
    await expect(phone.locator('.field', { has: front })).toContainText(NOT_AN_IMAGE)
    // Announced as it appears: the person is in the camera, not looking at the field.
    await expect(phone.getByRole('alert').filter({ hasText: NOT_AN_IMAGE })).toBeVisible()
    // Over 10 MB: refused before sending as well.
    await front.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([pngImage(), Buffer.alloc(10 * 1024 * 1024)]) })
    await expectFieldError(front, '画像は10MBまでです')
    expect(uploads).toEqual([])
    await expectNoSeriousA11yViolations(phone)

    // A file that claims to be a PNG but is not one: the API looks at the bytes, and its word shows on the field.
    await front.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7 not an image') })
    await expectFieldError(front, NOT_AN_IMAGE)
    expect(uploads).toEqual(['front'])
    await expect(phone.getByText('表面：撮影済み')).toHaveCount(0)

    // A real photo clears the error.
    await takePhoto(phone, '表面')
    await expect(front).not.toHaveAttribute('aria-invalid', 'true')

    // 次へ with photos missing: the summary takes focus and links to each missing photo.
    await phone.getByRole('button', { name: '次へ' }).click()
    const summary = phone.getByRole('alert').filter({ hasText: '撮影されていない画像があります' })
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('listitem')).toHaveText(['裏面を撮影してください', '顔写真を撮影してください'])
    await summary.getByRole('link', { name: '顔写真を撮影してください' }).click()
    await expect(photoInput(phone, '顔写真')).toBeFocused()
    await context.close()
  })

  test('each photo is a large button that opens the camera; the photo shows back, with 撮り直す to replace it', async ({ page, browser }) => {
    await submitApplication(page, sampleAnswers())
    const { context, phone } = await openOnPhone(browser, await showQrCode(page))
    await chooseDocument(phone)
    const uploads = recordUploads(phone)
    const button = phone.locator('label', { hasText: '表面を撮影する' })
    await expect(button).toBeVisible()
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(48)
    await expect(photoPreview(phone, '表面')).toHaveCount(0)

    // The keyboard: the hidden input takes the focus, drawn on its button, and Space opens the camera.
    await photoInput(phone, '表面').focus()
    await expect(button).toHaveCSS('outline-style', 'solid')
    const chooser = phone.waitForEvent('filechooser')
    await phone.keyboard.press('Space')
    await (await chooser).setFiles(photo('front-1.png'))

    const preview = photoPreview(phone, '表面')
    await expect(preview).toBeVisible()
    await expect(phone.getByText('表面：撮影済み')).toBeVisible()
    // Decoded from its blob: URL, which the Content-Security-Policy allows.
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16)
    const first = (await preview.getAttribute('src'))!
    expect(first).toMatch(/^blob:/)
    await expect(phone.locator('label', { hasText: '撮り直す' })).toBeVisible()
    await expect(phone.getByLabel('表面を撮り直す')).toBeFocused()

    // 撮り直す: the new photo replaces the old one, on the screen and on the server.
    await phone.getByLabel('表面を撮り直す').setInputFiles(photo('front-2.png', pngImage(40, 30)))
    await expect(preview).not.toHaveAttribute('src', first)
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40)
    await expect.poll(() => uploads).toEqual(['front', 'front'])
    // The old URL was let go of: it no longer loads.
    const loads = (url: string) =>
      new Promise<boolean>((resolve) => {
        const image = new Image()
        image.onload = () => resolve(true)
        image.onerror = () => resolve(false)
        image.src = url
      })
    expect(await phone.evaluate(loads, first)).toBe(false)
    expect(await phone.evaluate(loads, (await preview.getAttribute('src'))!)).toBe(true)
    await expectNoSeriousA11yViolations(phone)
    await context.close()
  })

  test('a reload continues from what the session holds; the details are checked with the shared schema', async ({ page, browser }) => {
    await submitApplication(page, sampleAnswers())
    const { context, phone } = await openOnPhone(browser, await showQrCode(page))
    await chooseDocument(phone, '本人確認書類と顔写真を撮影する', 'マイナンバーカード')
    await takePhoto(phone, '表面')

    await phone.reload()
    await expect(phone.getByRole('heading', { level: 1, name: '本人確認書類と顔写真を撮影する' })).toBeVisible()
    await expect(phone.getByText('本人確認書類：マイナンバーカード')).toBeVisible()
    await expect(phone.getByText('表面：撮影済み')).toBeVisible()
    await expect(phone.getByText('裏面：撮影済み')).toHaveCount(0)
    await takePhoto(phone, '裏面')
    await takePhoto(phone, '顔写真')

    // Every photo in: a reload opens the details.
    await phone.reload()
    await expect(phone.getByRole('heading', { level: 1, name: '本人確認書類の記載内容を入力する' })).toBeVisible()

    await phone.getByRole('button', { name: '送信' }).click()
    const summary = phone.getByRole('alert').filter({ hasText: '入力内容に問題があります' })
    await expect(summary).toBeFocused()
    await expect(summary).toContainText('姓を入力してください')
    await expect(summary).toContainText('住所を入力してください')
    await expectFieldError(field(phone, '姓'), '姓を入力してください')
    await expectNoSeriousA11yViolations(phone)

    await enterDetails(phone, { ...matchingLicence, birthDate: { year: '1990', month: '2', day: '30' } })
    await phone.getByRole('button', { name: '送信' }).click()
    await expect(summary).toContainText('実在する日付を入力してください')
    await phone.getByLabel('日', { exact: true }).fill('1')
    await phone.getByLabel('月', { exact: true }).fill('4')
    await phone.getByRole('button', { name: '送信' }).click()
    await expect(phone.getByText(PHONE_DONE)).toBeVisible()

    // Sent: opening the QR code again says so instead of starting over.
    await phone.reload()
    await expect(phone.getByText(PHONE_DONE)).toBeVisible()
    await context.close()
  })

  test('an unknown QR code says what to do', async ({ browser }) => {
    const { context, phone } = await openOnPhone(browser, '/m/verify/this-token-was-never-issued')
    await expect(phone.getByRole('heading', { level: 1, name: 'このQRコードは使用できません' })).toBeVisible()
    await expect(phone.locator('main')).toContainText('もう一度読み取ってください')
    await expectNoSeriousA11yViolations(phone)
    await context.close()
  })

  test('with the IC chip only the face is photographed', async ({ page, browser }) => {
    await submitApplication(page, sampleAnswers())
    const { context, phone } = await openOnPhone(browser, await showQrCode(page))
    await chooseDocument(phone, '本人確認書類のICチップを読み取り、顔写真を撮影する', '運転免許証')
    await expect(phone.getByRole('heading', { level: 1, name: '顔写真を撮影する' })).toBeVisible()
    await expect(photoInput(phone, '表面')).toHaveCount(0)
    await photoInput(phone, '顔写真').setInputFiles(photo('face.png'))
    await expect(phone.getByText('顔写真：撮影済み')).toBeVisible()
    await phone.getByRole('button', { name: '次へ' }).click()
    await enterDetails(phone, matchingLicence)
    await phone.getByRole('button', { name: '送信' }).click()
    await expect(phone.getByText(PHONE_DONE)).toBeVisible()
    await context.close()
  })
})
