import { expect, type Page } from '@playwright/test'
import type { AgentAnswers } from './answers.ts'
import { sampleAnswers } from './answers.ts'
import { e2e } from './environment.ts'
import { field } from './applicant-form.ts'
import { chooseDocument, enterDetails, PHONE_DONE, takePhoto, type DocumentDetails } from './verification.ts'

export const CUSTOMER_SECTION = '利用者ご本人の本人確認'
export const agentSection = (name: string) => `代理人（${name} 様）の本人確認`
export const GROUND_SECTION = '代理人としてお手続きいただけることの確認'
export const AGENT_VERIFY_BUTTON = '代理人の本人確認用QRコードを表示する'
export const CUSTOMER_VERIFY_BUTTON = '利用者身元確認プランの確認を行う'

/** 山田 花子, the customer's relative, living at the customer's address as the form has it (sampleAnswers). */
export function agentAnswers(overrides: Partial<AgentAnswers> = {}): AgentAnswers {
  const customer = sampleAnswers().user
  return {
    familyName: '山田',
    givenName: '花子',
    familyNameKana: 'ヤマダ',
    givenNameKana: 'ハナコ',
    birthDate: { year: '1965', month: '7', day: '20' },
    address: customer.address,
    relationship: '家族',
    ...overrides,
  }
}

/** The agent's own ID, matching `agentAnswers()`: the same address as the customer's licence. */
export const agentPassport: DocumentDetails & { documentNumber: string; expiresOn: string; issuer: string } = {
  familyName: '山田',
  givenName: '花子',
  birthDate: { year: '1965', month: '7', day: '20' },
  address: '東京都渋谷区渋谷2丁目21番1号',
  documentNumber: 'TK1234567',
  expiresOn: '2031-04-01',
  issuer: '外務省',
}

/** One person's section of 身元確認用フォーム. */
export const section = (page: Page, name: string) => page.getByRole('region', { name })

/** Opens the person's QR code with the button of their section; the URL it encodes. */
export async function showQrCodeIn(page: Page, name: string, button: string): Promise<string> {
  const scope = section(page, name)
  await scope.getByRole('button', { name: button }).click()
  await expect(scope.getByRole('img', { name: /本人確認用のQRコード/ })).toBeVisible()
  await expect(scope.getByText(/スマートフォンで、QRコードを読み取ってください$/)).toBeVisible()
  const url = await scope.getByRole('link', { name: /本人確認アプリを開いて/ }).getAttribute('href')
  expect(url).toMatch(new RegExp(`^${e2e.baseURL}/m/verify/[A-Za-z0-9_-]+$`))
  return url!
}

/** The phone flow with a passport (its front and a selfie), the details with its 旅券番号, expiry and issuer. */
export async function verifyPassportOnPhone(phone: Page, details: typeof agentPassport) {
  await chooseDocument(phone, '本人確認書類と顔写真を撮影する', 'パスポート（住所の記載があるもの）')
  for (const kind of ['表面', '顔写真']) await takePhoto(phone, kind)
  await phone.getByRole('button', { name: '次へ' }).click()
  await enterDetails(phone, details)
  await field(phone, '記号番号').fill(details.documentNumber)
  await field(phone, '有効期限').fill(details.expiresOn)
  await field(phone, '発行者').fill(details.issuer)
  await phone.getByRole('button', { name: '送信' }).click()
  await expect(phone.getByText(PHONE_DONE)).toBeVisible()
}
