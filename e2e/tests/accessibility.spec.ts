import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { expectStep, field, fillEveryStep, nextButton, startApplication } from '../support/applicant-form.ts'
import { sampleAnswers } from '../support/answers.ts'

const withEverything = sampleAnswers({
  purpose: { purposes: ['その他'], purposeOther: '社内の電話会議', highValueTransactions: true },
  extra: { tradeName: 'ジョン', tradeNameKind: '通称', aliasReason: '外国人のため', occupation: 'その他', occupationOther: '研究職', foreignPep: '該当しない' },
  agent: {
    ...sampleAnswers().user,
    familyName: '佐藤',
    givenName: '花子',
    familyNameKana: 'サトウ',
    givenNameKana: 'ハナコ',
    relationship: 'その他',
    relationshipOther: '取引先の担当者',
  },
})

/** Nothing on the page is wider than the viewport (no sideways scrolling on a phone). */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

async function checkEveryScreen(page: Page) {
  await startApplication(page)
  const visited: string[] = []
  await fillEveryStep(page, withEverything, {
    // Each step as filled in, its follow-up questions open.
    onStep: async (title) => {
      visited.push(title)
      await expectNoSeriousA11yViolations(page)
      await expectNoHorizontalScroll(page)
    },
  })
  expect(visited).toEqual(['お申し込み内容の入力', 'Twilioログイン情報', '利用者情報', '内容・目的', '補足情報', '代理人情報'])
  await expectNoSeriousA11yViolations(page)
  await expectNoHorizontalScroll(page)

  // The steps with the most fields, with error messages showing (the agent's under はい).
  for (const path of ['/apply/user', '/apply/agent']) {
    await page.goto(path)
    await field(page, '姓').fill('')
    await field(page, '郵便番号').fill('1')
    await nextButton(page).click()
    await expect(page.getByRole('alert')).toBeFocused()
    await expectNoSeriousA11yViolations(page)
    await expectNoHorizontalScroll(page)
  }
}

test.describe('accessibility (axe, WCAG 2.1 A/AA: no serious or critical violation)', () => {
  // Every step with its errors and an axe run on each: about 20 s alone, more on a loaded 2-core machine.
  test.describe.configure({ timeout: 90_000 })
  test('every step, with its follow-up questions and its errors, and the confirmation screen', async ({ page }) => {
    await checkEveryScreen(page)
  })

  test('the same at 375 px wide, without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 })
    await checkEveryScreen(page)
  })

  test('the owner’s confirmation page and its neutral page for an unusable link: at 375 px, with the keyboard alone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 })
    // Opening a link answers nothing, so any token shows the question; the answer is what is refused.
    await page.goto('/link-confirm/this-token-was-never-issued')
    await expect(page.getByRole('heading', { level: 1, name: 'Account SIDの紐付けの確認' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await expectNoHorizontalScroll(page)

    // The skip link first, then the two answers, in reading order; Enter presses one.
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: '本文へスキップ' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: '私の申し込みです（紐付けを承認する）' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: '私の申し込みではありません' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'このリンクはご利用いただけません' })).toBeFocused()
    await expectNoSeriousA11yViolations(page)
    await expectNoHorizontalScroll(page)
  })

  test('a step can be completed with the keyboard alone', async ({ page }) => {
    await startApplication(page)
    // The first radio, then Space to choose it and Tab to 次へ.
    await page.keyboard.press('Tab')
    await expect(page.getByRole('radio', { name: '個人として申し込み' })).toBeFocused()
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: '次へ' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused()

    // Enter in a field submits; the summary's link is followed with Enter.
    await page.keyboard.press('Tab')
    await expect(field(page, '新しいAccount SID')).toBeFocused()
    await page.keyboard.type('AC123')
    await page.keyboard.press('Enter')
    const summary = page.getByRole('alert')
    await expect(summary).toBeFocused()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect(field(page, '新しいAccount SID')).toBeFocused()
    const answers = sampleAnswers()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(answers.login.accountSid)
    await page.keyboard.press('Tab')
    await page.keyboard.type(answers.login.loginEmail)
    await page.keyboard.press('Tab')
    await page.keyboard.type(answers.login.contactEmail)
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: '次へ' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expectStep(page, '/apply/user', '利用者情報')

    // 住所を検索 is a button in the tab order, and it leaves focus on 町域・番地.
    await field(page, '郵便番号').focus()
    await page.keyboard.type('1000001')
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: '住所を検索' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(field(page, '町域・番地')).toBeFocused()
    await expect(field(page, '町域・番地')).toHaveValue('千代田')
  })
})
