import { devices, expect, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { e2e } from './environment.ts'
import { expectStep, field, fillEveryStep, startApplication } from './applicant-form.ts'
import type { FormAnswers } from './answers.ts'
import { filePart } from '@kakunin/api-client'
import { apiClient } from './api-client.ts'
import { photo, pngImage } from './images.ts'

/** What the ID document says, as the phone's details form asks for it. */
export interface DocumentDetails {
  familyName: string
  givenName: string
  birthDate: { year: string; month: string; day: string }
  address: string
}

/** The licence of the person `sampleAnswers()` describes: it matches the form. */
export const matchingLicence: DocumentDetails = {
  familyName: '山田',
  givenName: '太郎',
  birthDate: { year: '1990', month: '4', day: '1' },
  address: '東京都渋谷区渋谷2丁目21番1号',
}

export const VERIFY_BUTTON = '利用者身元確認プランの確認を行う'
export const PHONE_DONE = '本人確認の送信が完了しました。パソコンの画面に戻り、「次へ」を押してください。'

/** From a fresh browser to 身元確認用フォーム: every step, then 続けて本人確認画像をアップロードする. */
export async function submitApplication(page: Page, answers: FormAnswers) {
  await startApplication(page)
  await fillEveryStep(page, answers)
  await page.getByRole('button', { name: '続けて本人確認画像をアップロードする' }).click()
  await expectStep(page, '/apply/verify', '身元確認用フォーム')
}

export const qrCode = (page: Page) => page.getByRole('img', { name: /本人確認用のQRコード/ })
export const phoneLink = (page: Page) => page.getByRole('link', { name: /本人確認アプリを開いて/ })
/** The live region that follows the phone. */
export const verificationStatus = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text })
export const desktopNext = (page: Page) => page.getByRole('button', { name: '次へ', exact: true })

/** 利用者身元確認プランの確認を行う (or 新しいQRコードを表示する): the QR code, and the URL it encodes. */
export async function showQrCode(page: Page, button = VERIFY_BUTTON): Promise<string> {
  await page.getByRole('button', { name: button }).click()
  await expect(qrCode(page)).toBeVisible()
  await expect(verificationStatus(page, 'スマートフォンで本人確認を行ってください')).toBeVisible()
  const url = await phoneLink(page).getAttribute('href')
  expect(url).toMatch(new RegExp(`^${e2e.baseURL}/m/verify/[A-Za-z0-9_-]+$`))
  return url!
}

/** A phone (Pixel 7, Chromium) with no cookie of the desktop's, opening the QR code's URL. */
export async function openOnPhone(browser: Browser, url: string) {
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
  const phone = await context.newPage()
  await phone.goto(url)
  return { context, phone }
}

export async function chooseDocument(phone: Page, method = '本人確認書類と顔写真を撮影する', document = '運転免許証') {
  await expect(phone.getByRole('heading', { level: 1, name: '本人確認書類を選ぶ' })).toBeVisible()
  await phone.getByRole('radio', { name: method, exact: true }).check()
  await phone.getByRole('radio', { name: document, exact: true }).check()
  await phone.getByRole('button', { name: '次へ' }).click()
  await expect(phone.getByRole('heading', { level: 1, name: /撮影する$/ })).toBeVisible()
}

/**
 * The (visually hidden) file input of one photo (表面, 裏面, 顔写真), by its label: the button
 * 「表面を撮影する」, or once a photo is in, 「撮り直す」 (named 「表面を撮り直す」).
 */
export const photoInput = (phone: Page, kind: string) => phone.getByLabel(new RegExp(`^${kind}を(撮影する|撮り直す)$`))

/** The photo just taken, as the phone shows it back. */
export const photoPreview = (phone: Page, kind: string) => phone.getByRole('img', { name: `撮影した${kind}の画像` })

export async function takePhoto(phone: Page, kind: string) {
  await photoInput(phone, kind).setInputFiles(photo(`${kind}.png`))
  await expect(phone.getByText(`${kind}：撮影済み`)).toBeVisible()
  await expect(photoPreview(phone, kind)).toBeVisible()
}

export async function enterDetails(phone: Page, details: DocumentDetails) {
  await expect(phone.getByRole('heading', { level: 1, name: '本人確認書類の記載内容を入力する' })).toBeVisible()
  await field(phone, '姓').fill(details.familyName)
  await field(phone, '名').fill(details.givenName)
  await phone.getByLabel('年', { exact: true }).fill(details.birthDate.year)
  await phone.getByLabel('月', { exact: true }).fill(details.birthDate.month)
  await phone.getByLabel('日', { exact: true }).fill(details.birthDate.day)
  await field(phone, '住所').fill(details.address)
}

/** The whole phone flow with a driver's licence showing `details`, up to the 送信 confirmation. */
export async function verifyOnPhone(phone: Page, details: DocumentDetails) {
  await chooseDocument(phone)
  for (const kind of ['表面', '裏面', '顔写真']) await takePhoto(phone, kind)
  await phone.getByRole('button', { name: '次へ' }).click()
  await enterDetails(phone, details)
  await phone.getByRole('button', { name: '送信' }).click()
  await expect(phone.getByText(PHONE_DONE)).toBeVisible()
}

/** The same phone flow straight through the sandbox API, when a test is about something else. */
export async function verifyThroughApi(request: APIRequestContext, url: string, details: DocumentDetails) {
  const api = apiClient(request)
  const token = new URL(url).pathname.split('/').pop()!
  const started = await api.POST('/api/sandbox-ekyc/sessions/{token}/start', { params: { path: { token } }, body: { method: 'ho', documentType: 'drivers_license' } })
  expect(started.response.status).toBe(204)
  for (const kind of ['front', 'back', 'selfie'] as const) {
    const uploaded = await api.POST('/api/sandbox-ekyc/sessions/{token}/uploads/{kind}', { params: { path: { token, kind } }, ...filePart(new File([new Uint8Array(pngImage())], `${kind}.png`, { type: 'image/png' })) })
    expect(uploaded.response.status, JSON.stringify(uploaded.error)).toBe(204)
  }
  const completed = await api.POST('/api/sandbox-ekyc/sessions/{token}/complete', { params: { path: { token } }, body: details })
  expect(completed.response.status, JSON.stringify(completed.error)).toBe(204)
}
