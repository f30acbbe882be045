import { expect, test } from '@playwright/test'
import { ACCOUNT_SID_MESSAGE } from '@kakunin/schema/account-sid'
import { MINOR_NEEDS_GUARDIAN_MESSAGE } from '@kakunin/schema/form/agent-step'
import { SAME_EMAIL_MESSAGE } from '@kakunin/schema/form/login-step'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import {
  expectStep,
  field,
  fillEveryStep,
  fillLoginStep,
  fillPerson,
  fillTypeStep,
  nextButton,
  startApplication,
} from '../support/applicant-form.ts'
import { birthDateAged, sampleAnswers } from '../support/answers.ts'
import { queryDatabase } from '../support/database.ts'
import { expectErrors, expectFieldError, followErrorLink, recordSaves } from '../support/error-summary.ts'

test.describe('validation on each step, with the shared schemas and in Japanese', () => {
  test('errors on several steps are summarised, linked to their fields, and fixed', async ({ page }) => {
    const saves = recordSaves(page)
    const answers = sampleAnswers()
    await startApplication(page)

    // お申し込み内容の入力: nothing chosen.
    await nextButton(page).click()
    await expectErrors(page, ['「個人として申し込み」か「法人として申し込み」を選択してください'])
    await followErrorLink(page, '「個人として申し込み」か「法人として申し込み」を選択してください', page.getByRole('radio', { name: '個人として申し込み' }))
    await fillTypeStep(page)
    await nextButton(page).click()

    // Twilioログイン情報: a malformed SID and address, then the same address twice.
    await expectStep(page, '/apply/login', 'Twilioログイン情報')
    await field(page, '新しいAccount SID').fill('AC123')
    await field(page, 'Twilioコンソールログイン用メールアドレス').fill('taro@')
    await field(page, '連絡用メールアドレス').fill('hanako@example.net')
    await nextButton(page).click()
    const emailMessage = 'メールアドレスの形式で入力してください（例：taro@example.com）'
    await expectErrors(page, [ACCOUNT_SID_MESSAGE, emailMessage])
    await expectFieldError(field(page, '新しいAccount SID'), ACCOUNT_SID_MESSAGE)
    await expectFieldError(field(page, 'Twilioコンソールログイン用メールアドレス'), emailMessage)
    await expect(field(page, '連絡用メールアドレス')).not.toHaveAttribute('aria-invalid', 'true')
    await expectNoSeriousA11yViolations(page)
    await followErrorLink(page, emailMessage, field(page, 'Twilioコンソールログイン用メールアドレス'))

    // Full-width and upper-case input is folded by the schema, not refused.
    const sid = answers.login.accountSid
    const fullWidth = `ＡＣ${sid.slice(2).toUpperCase()}`.replace(/[0-9A-F]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    await field(page, '新しいAccount SID').fill(` ${fullWidth} `)
    await field(page, 'Twilioコンソールログイン用メールアドレス').fill('Taro@Example.com')
    await field(page, '連絡用メールアドレス').fill('taro@example.com')
    await nextButton(page).click()
    await expectErrors(page, [SAME_EMAIL_MESSAGE])
    await followErrorLink(page, SAME_EMAIL_MESSAGE, field(page, '連絡用メールアドレス'))
    await field(page, '連絡用メールアドレス').fill(answers.login.contactEmail)
    await nextButton(page).click()

    // 利用者情報: everything missing at once.
    await expectStep(page, '/apply/user', '利用者情報')
    await nextButton(page).click()
    await expectErrors(page, [
      '姓を入力してください',
      '名を入力してください',
      // The same message for two fields says which field it is about.
      'セイ（フリガナ）を入力してください',
      'メイ（フリガナ）を入力してください',
      // One message for the one 生年月日 field, not one per 年/月/日.
      '生年月日を入力してください',
      '郵便番号を入力してください',
      '都道府県を選択してください',
      '市区町村を入力してください',
      '町域・番地を入力してください',
    ])
    await expectFieldError(field(page, '市区町村'), '入力してください')
    await followErrorLink(page, '町域・番地を入力してください', field(page, '町域・番地'))
    await expectFieldError(field(page, '都道府県'), '都道府県を選択してください')
    await expectNoSeriousA11yViolations(page)
    await followErrorLink(page, '都道府県を選択してください', field(page, '都道府県'))

    // A date that does not exist, and フリガナ in latin letters (ひらがな would be folded to カタカナ).
    await fillPerson(page, { ...answers.user, familyNameKana: 'Yamada', birthDate: { year: '1990', month: '2', day: '30' } })
    await nextButton(page).click()
    await expectErrors(page, ['フリガナは全角カタカナで入力してください', '実在する日付を入力してください'])
    await followErrorLink(page, '実在する日付を入力してください', page.getByLabel('年', { exact: true }))
    await expect(page.getByLabel('月', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByRole('group', { name: /利用者 生年月日/ })).toContainText('実在する日付を入力してください')
    await field(page, 'セイ').fill('ﾔﾏﾀﾞ')
    await page.getByLabel('日', { exact: true }).fill('28')
    await nextButton(page).click()

    // 内容・目的: no purpose, then その他 without saying what.
    await expectStep(page, '/apply/purpose', '内容・目的')
    await nextButton(page).click()
    await expectErrors(page, ['取引を行う目的を1つ以上選択してください'])
    await followErrorLink(page, '取引を行う目的を1つ以上選択してください', page.getByRole('checkbox').first())
    await page.getByRole('checkbox', { name: 'その他', exact: true }).check()
    await nextButton(page).click()
    const otherMessage = '「その他」を選んだ場合は、目的を具体的に入力してください'
    await expectErrors(page, [otherMessage])
    await followErrorLink(page, otherMessage, field(page, 'その他の目的'))
    await field(page, 'その他の目的').fill('社内の電話会議')
    await nextButton(page).click()

    // 補足情報: every problem at the first attempt, the rules between answers included.
    await expectStep(page, '/apply/extra', '補足情報')
    await field(page, '屋号・団体名・通称').fill('やまだ商店')
    await nextButton(page).click()
    await expectErrors(page, ['屋号・団体名・通称のどれにあたるかを選択してください', '職業を選択してください', '外国PEPsに該当するかどうかを選択してください'])
    await page.getByRole('radio', { name: '自営業・個人事業主' }).check()
    await page.getByRole('radio', { name: '該当しない' }).check()
    await nextButton(page).click()
    await expectErrors(page, ['屋号・団体名・通称のどれにあたるかを選択してください'])
    await followErrorLink(page, '屋号・団体名・通称のどれにあたるかを選択してください', page.getByRole('radio', { name: '屋号', exact: true }))
    await page.getByRole('radio', { name: '通称', exact: true }).check()
    await nextButton(page).click()
    await expectErrors(page, ['通称を用いる理由を入力してください（例：外国人のため）'])
    await page.getByRole('radio', { name: '屋号', exact: true }).check()
    await expect(field(page, '通称を用いる理由')).toHaveCount(0)
    await nextButton(page).click()

    // 代理人情報: the question unanswered.
    await expectStep(page, '/apply/agent', '代理人情報')
    await nextButton(page).click()
    await expectErrors(page, ['代理人がいるかどうかを選択してください'])
    await page.getByRole('radio', { name: /^いいえ/ }).check()
    await nextButton(page).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')

    // Every refusal happened in the browser: one save per step, none for a refused attempt.
    expect(saves).toEqual(['type', 'login', 'user', 'purpose', 'extra', 'agent'])
    const [row] = await queryDatabase<{ answers: { login: { accountSid: string; loginEmail: string }; user: { familyNameKana: string } } }>(
      'SELECT answers FROM applications WHERE account_sid = $1',
      [sid],
    )
    expect(row!.answers.login).toMatchObject({ accountSid: sid, loginEmail: 'Taro@Example.com' })
    expect(row!.answers.user.familyNameKana).toBe('ヤマダ')
  })

  test('住所を検索 checks the 郵便番号 with the schema and says when nothing is found', async ({ page }) => {
    await startApplication(page)
    await fillTypeStep(page)
    await nextButton(page).click()
    await fillLoginStep(page, sampleAnswers().login)
    await nextButton(page).click()
    await expectStep(page, '/apply/user', '利用者情報')

    await field(page, '郵便番号').fill('12345')
    await page.getByRole('button', { name: '住所を検索' }).click()
    await expectFieldError(field(page, '郵便番号'), '郵便番号は7桁の数字で入力してください（例：150-0002）')
    await expect(field(page, '郵便番号')).toBeFocused()

    await field(page, '郵便番号').fill('0000000')
    await page.getByRole('button', { name: '住所を検索' }).click()
    await expect(page.getByRole('status').filter({ hasText: '見つかりませんでした' })).toBeVisible()
    await expect(field(page, '郵便番号')).not.toHaveAttribute('aria-invalid', 'true')

    await field(page, '郵便番号').fill('5300001')
    await page.getByRole('button', { name: '住所を検索' }).click()
    await expect(field(page, '都道府県')).toHaveValue('大阪府')
    await expect(field(page, '市区町村')).toHaveValue('大阪市北区')
    await expect(field(page, '町域・番地')).toHaveValue('梅田')
    await expect(field(page, '郵便番号')).toHaveValue('530-0001')
  })

  test('a refusal from the API lands on the field like the browser’s own', async ({ page }) => {
    const saves = recordSaves(page)
    await startApplication(page)
    await fillEveryStep(page, sampleAnswers(), { stopAt: '/apply/agent' })

    // Meanwhile another tab of this browser makes the 利用者 a minor: this page still holds the
    // adult's birth date, so only the API can tell that いいえ is no longer allowed.
    const other = await page.context().newPage()
    await other.goto('/apply/user')
    await other.getByLabel('年', { exact: true }).fill(birthDateAged(16).year)
    await nextButton(other).click()
    await expectStep(other, '/apply/purpose', '内容・目的')
    await other.close()

    await page.getByRole('radio', { name: /^いいえ/ }).check()
    await nextButton(page).click()
    await expectErrors(page, [MINOR_NEEDS_GUARDIAN_MESSAGE])
    expect(saves.at(-1)).toBe('agent')
    await expectStep(page, '/apply/agent', '代理人情報')
    await expectFieldError(page.getByRole('radio', { name: /^いいえ/ }), MINOR_NEEDS_GUARDIAN_MESSAGE)
    await followErrorLink(page, MINOR_NEEDS_GUARDIAN_MESSAGE, page.getByRole('radio', { name: /^はい/ }))
  })
})
