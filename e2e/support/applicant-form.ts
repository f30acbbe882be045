import { expect, type Locator, type Page } from '@playwright/test'
import type { AgentAnswers, FormAnswers, PersonAnswers } from './answers.ts'
import { apiClient } from './api-client.ts'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** An input by its visible label, which reads "label ※必須" or "label ※任意". */
export const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${escape(label)}(\\s|$)`))

export const nextButton = (page: Page) => page.getByRole('button', { name: /^(次へ|確認画面へ)$/ })

export async function expectStep(page: Page, path: string, title: string) {
  await expect(page).toHaveURL(new RegExp(`${escape(path)}(\\?.*)?$`))
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
}

/**
 * The entry question, answered 持っていない (or `answer`): a new application, at its first step.
 */
/**
 * `/` once its screen is there: until then the main area holds 読み込み中… and the footer moves
 * down when the entry question replaces it, so a click aimed at the footer could land elsewhere.
 */
export async function openEntry(page: Page) {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: '取引時確認情報の登録' })).toBeVisible()
}

export async function startApplication(page: Page, answer = '持っていない') {
  await page.goto('/')
  await page.getByRole('radio', { name: answer, exact: true }).check()
  await page.getByRole('button', { name: '次へ' }).click()
  await expectStep(page, '/apply/type', 'お申し込み内容の入力')
}

/** The entry question, answered すでに持っている: a new already-verified (2回目以降) application. */
export const startLinkApplication = (page: Page) => startApplication(page, 'すでに取引時確認済みのAccount SIDを持っている')

/** This browser's application as the API returns it (the page's cookies are the session). */
export async function currentApplication(page: Page) {
  const { data, response } = await apiClient(page.request).GET('/api/applications/current')
  expect(response.status).toBe(200)
  return data!
}

export async function fillTypeStep(page: Page, label = '個人として申し込み') {
  await page.getByRole('radio', { name: label }).check()
}

export async function fillLoginStep(page: Page, login: FormAnswers['login']) {
  await field(page, '新しいAccount SID').fill(login.accountSid)
  if (login.verifiedAccountSid !== undefined) await field(page, '取引時確認済みのAccount SID').fill(login.verifiedAccountSid)
  await field(page, 'Twilioコンソールログイン用メールアドレス').fill(login.loginEmail)
  await field(page, '連絡用メールアドレス').fill(login.contactEmail)
}

export async function fillBirthDate(scope: Page | Locator, birthDate: PersonAnswers['birthDate']) {
  await scope.getByLabel('年', { exact: true }).fill(birthDate.year)
  await scope.getByLabel('月', { exact: true }).fill(birthDate.month)
  await scope.getByLabel('日', { exact: true }).fill(birthDate.day)
}

export async function fillAddress(page: Page, address: PersonAnswers['address']) {
  await field(page, '郵便番号').fill(address.postalCode)
  if (address.prefecture === undefined) {
    await page.getByRole('button', { name: '住所を検索' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'を入力しました' })).toBeVisible()
    // The lookup fills the 町域 and leaves the caret there for the 番地.
    await expect(field(page, '町域・番地')).toBeFocused()
    await page.keyboard.type(address.town)
  } else {
    await field(page, '都道府県').selectOption(address.prefecture)
    await field(page, '市区町村').fill(address.city ?? '')
    await field(page, '町域・番地').fill(address.town)
  }
  await field(page, '建物名・部屋番号').fill(address.building ?? '')
}

export async function fillPerson(page: Page, person: PersonAnswers) {
  await field(page, '姓').fill(person.familyName)
  await field(page, '名').fill(person.givenName)
  await field(page, 'セイ').fill(person.familyNameKana)
  await field(page, 'メイ').fill(person.givenNameKana)
  await fillBirthDate(page, person.birthDate)
  await fillAddress(page, person.address)
}

export async function fillPurposeStep(page: Page, purpose: FormAnswers['purpose']) {
  for (const label of purpose.purposes) await page.getByRole('checkbox', { name: label, exact: true }).check()
  if (purpose.purposeOther !== undefined) await field(page, 'その他の目的').fill(purpose.purposeOther)
  await page
    .getByRole('checkbox', { name: 'Twilioを200万円以上の財産の取引に使用する可能性がある' })
    .setChecked(purpose.highValueTransactions)
}

export async function fillExtraStep(page: Page, extra: FormAnswers['extra']) {
  await field(page, '屋号・団体名・通称').fill(extra.tradeName ?? '')
  if (extra.tradeNameKind) await page.getByRole('radio', { name: extra.tradeNameKind, exact: true }).check()
  if (extra.aliasReason !== undefined) await field(page, '通称を用いる理由').fill(extra.aliasReason)
  await page.getByRole('radio', { name: extra.occupation, exact: true }).check()
  if (extra.occupationOther !== undefined) await field(page, '職業（その他）').fill(extra.occupationOther)
  await page.getByRole('radio', { name: extra.foreignPep, exact: true }).check()
}

export const agentQuestion = (page: Page) =>
  page.getByRole('group', { name: /取引時確認の入力担当者は、Twilioコンソールログイン用メールアドレスの保有者と異なりますか/ })

export async function fillAgentStep(page: Page, agent: AgentAnswers | null) {
  if (!agent) {
    await agentQuestion(page).getByRole('radio', { name: /^いいえ/ }).check()
    return
  }
  await agentQuestion(page).getByRole('radio', { name: /^はい/ }).check()
  await fillPerson(page, agent)
  await page.getByRole('radio', { name: agent.relationship, exact: true }).check()
  if (agent.relationshipOther !== undefined) await field(page, '代表者との関係（その他）').fill(agent.relationshipOther)
}

/**
 * From a fresh application at the first step to the confirmation screen, one step per page; with
 * `stopAt`, only until that step's page is open. `onStep` runs on each filled page before 次へ.
 */
export async function fillEveryStep(
  page: Page,
  answers: FormAnswers,
  options: { stopAt?: string; onStep?: (title: string) => Promise<void> } = {},
) {
  const steps: [string, string, () => Promise<void>][] = [
    ['/apply/type', 'お申し込み内容の入力', () => fillTypeStep(page)],
    ['/apply/login', 'Twilioログイン情報', () => fillLoginStep(page, answers.login)],
    ['/apply/user', '利用者情報', () => fillPerson(page, answers.user)],
    ['/apply/purpose', '内容・目的', () => fillPurposeStep(page, answers.purpose)],
    ['/apply/extra', '補足情報', () => fillExtraStep(page, answers.extra)],
    ['/apply/agent', '代理人情報', () => fillAgentStep(page, answers.agent)],
  ]
  for (const [index, [path, title, fill]] of steps.entries()) {
    await expectStep(page, path, title)
    if (path === options.stopAt) return
    await expect(page.getByText(`ステップ ${index + 1} / ${steps.length}`)).toBeVisible()
    await fill()
    await options.onStep?.(title)
    await nextButton(page).click()
  }
  await expectStep(page, '/apply/confirm', '登録情報確認')
}

/** The value the confirmation screen shows for a row, inside the group of its step. */
export function answer(page: Page, group: string, label: string) {
  return page
    .getByRole('region', { name: group })
    .locator('dt', { hasText: new RegExp(`^${escape(label)}$`) })
    .locator('xpath=following-sibling::dd[1]')
}

/** The confirmation screen's 変更 (or 入力する, for a step not yet answered) link of a step. */
export const changeLink = (page: Page, step: string, text = '変更') =>
  page.getByRole('link', { name: new RegExp(`^${escape(text)}\\s*（${escape(step)}）$`) })
