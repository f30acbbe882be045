import { expect, test } from '@playwright/test'
import { referencePattern } from '@kakunin/schema/application'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import { answer, currentApplication, expectStep, fillEveryStep, fillPerson, startApplication } from '../support/applicant-form.ts'
import { birthDateAged, sampleAnswers } from '../support/answers.ts'
import { queryDatabase } from '../support/database.ts'

interface StoredApplication {
  status: string
  resume_at: string | null
  submitted_at: Date | null
  answers: Record<string, unknown>
}

const stored = async (reference: string) =>
  (await queryDatabase<StoredApplication>('SELECT status, resume_at, submitted_at, answers FROM applications WHERE reference = $1', [reference]))[0]!

test.describe('初回: the applicant’s form from the first step to 身元確認', () => {
  test('without 代理人 and without 通称, through 登録情報確認 to SUBMITTED and 身元確認', async ({ page }) => {
    const answers = sampleAnswers()
    await startApplication(page)
    await fillEveryStep(page, answers)

    // Every answer, grouped by step, in words rather than codes.
    await expect(answer(page, 'お申し込み内容の入力', 'お申し込みの区分')).toHaveText('個人として申し込み')
    await expect(answer(page, 'Twilioログイン情報', '新しいAccount SID')).toHaveText(answers.login.accountSid)
    await expect(answer(page, 'Twilioログイン情報', '連絡用メールアドレス')).toHaveText('taro.contact@example.net')
    await expect(answer(page, '利用者情報', '利用者名')).toHaveText('山田 太郎')
    await expect(answer(page, '利用者情報', '利用者名（フリガナ）')).toHaveText('ヤマダ タロウ')
    await expect(answer(page, '利用者情報', '利用者 生年月日')).toHaveText('1990年4月1日')
    await expect(answer(page, '利用者情報', '利用者 ご住所')).toHaveText('〒150-0002 東京都渋谷区渋谷2丁目21-1')
    await expect(answer(page, '内容・目的', '取引を行う目的')).toHaveText('SMSを使ったチャットボット')
    await expect(answer(page, '内容・目的', '取引内容')).toHaveText('200万円以上の財産の取引に使用する可能性はない')
    await expect(answer(page, '補足情報', '屋号・団体名・通称')).toHaveText('なし')
    await expect(answer(page, '補足情報', '職業')).toHaveText('会社員')
    await expect(page.getByRole('region', { name: '補足情報' })).not.toContainText('通称を用いる理由')
    await expect(answer(page, '代理人情報', '代理人')).toContainText('なし')
    await expect(page.getByRole('region', { name: '代理人情報' }).locator('dt')).toHaveCount(1)
    await expect(page.locator('main')).not.toContainText(/INDIVIDUAL|EMPLOYEE|SMS_CHATBOT|NONE/)

    const { reference } = await currentApplication(page)
    expect((await stored(reference)).resume_at).toBe('confirm')

    await page.getByRole('button', { name: '続けて本人確認画像をアップロードする' }).click()
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
    await expect(page.getByTestId('reference')).toHaveText(reference)
    expect(reference).toMatch(referencePattern)
    await expect(page.locator('main')).toContainText('本人確認')
    await expectNoSeriousA11yViolations(page)

    const row = await stored(reference)
    expect(row.status).toBe('SUBMITTED')
    expect(row.submitted_at).not.toBeNull()
    expect(row.answers).toMatchObject({
      type: { applicantType: 'INDIVIDUAL' },
      login: answers.login,
      user: { familyName: '山田', birthDate: { year: '1990', month: '4', day: '1' }, address: { postalCode: '150-0002', prefecture: '東京都' } },
      purpose: { purposes: ['SMS_CHATBOT'], highValueTransactions: false },
      extra: { tradeName: '', occupation: 'EMPLOYEE', foreignPep: 'NONE' },
      agent: { hasAgent: 'NO' },
    })

    // A submitted application cannot be edited: its steps lead to 身元確認.
    await page.goto('/apply/login')
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
  })

  test('with 代理人 and 通称 (and its reason), the address found from the 郵便番号', async ({ page }) => {
    const answers = sampleAnswers({
      user: {
        ...sampleAnswers().user,
        // 住所を検索 fills 東京都 / 千代田区 / 千代田; the test types the 番地 after it.
        address: { postalCode: '１００－０００１', town: '1-1', building: '' },
      },
      purpose: { purposes: ['自動音声応答（IVR）', 'その他'], purposeOther: '社内の電話会議', highValueTransactions: true },
      extra: {
        tradeName: 'ジョン・スミス',
        tradeNameKind: '通称',
        aliasReason: '外国人のため',
        occupation: 'その他',
        occupationOther: '研究職',
        foreignPep: '該当しない',
      },
      agent: {
        familyName: '佐藤',
        givenName: '花子',
        familyNameKana: 'サトウ',
        givenNameKana: 'ハナコ',
        birthDate: { year: '1985', month: '12', day: '3' },
        address: { postalCode: '530-0001', prefecture: '大阪府', city: '大阪市北区', town: '梅田1-1-1', building: 'ビル 3階' },
        relationship: 'チームメイト',
      },
    })
    await startApplication(page)
    await fillEveryStep(page, answers)

    await expect(answer(page, '利用者情報', '利用者 ご住所')).toHaveText('〒100-0001 東京都千代田区千代田1-1')
    await expect(answer(page, '内容・目的', '取引を行う目的')).toHaveText('自動音声応答（IVR）、その他（社内の電話会議）')
    await expect(answer(page, '内容・目的', '取引内容')).toHaveText('Twilioを200万円以上の財産の取引に使用する可能性がある')
    await expect(answer(page, '補足情報', '屋号・団体名・通称')).toHaveText('ジョン・スミス（通称）')
    await expect(answer(page, '補足情報', '通称を用いる理由')).toHaveText('外国人のため')
    await expect(answer(page, '補足情報', '職業')).toHaveText('その他（研究職）')
    await expect(answer(page, '代理人情報', '代理人')).toHaveText('あり')
    await expect(answer(page, '代理人情報', '代理人の氏名')).toHaveText('佐藤 花子')
    await expect(answer(page, '代理人情報', '代理人の生年月日')).toHaveText('1985年12月3日')
    await expect(answer(page, '代理人情報', '代表者との関係')).toHaveText('チームメイト')
    await expect(answer(page, '代理人情報', '代理人の所在地')).toHaveText('〒530-0001 大阪府大阪市北区梅田1-1-1 ビル 3階')

    await page.getByRole('button', { name: '続けて本人確認画像をアップロードする' }).click()
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
    const reference = (await page.getByTestId('reference').textContent())!.trim()

    const row = await stored(reference)
    expect(row.status).toBe('SUBMITTED')
    expect(row.answers).toMatchObject({
      user: { address: { postalCode: '100-0001', prefecture: '東京都', city: '千代田区', town: '千代田1-1' } },
      purpose: { purposes: ['IVR', 'OTHER'], purposeOther: '社内の電話会議', highValueTransactions: true },
      extra: { tradeName: 'ジョン・スミス', tradeNameKind: 'ALIAS', aliasReason: '外国人のため', occupation: 'OTHER', occupationOther: '研究職' },
      agent: {
        hasAgent: 'YES',
        agent: { familyName: '佐藤', relationship: 'TEAMMATE', relationshipOther: '', address: { building: 'ビル 3階' } },
      },
    })
  })

  test('a minor applicant has to enter a 法定代理人 before reaching the confirmation screen', async ({ page }) => {
    const writes: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'PUT') writes.push(new URL(request.url()).pathname.split('/').pop()!)
    })
    const answers = sampleAnswers({ user: { ...sampleAnswers().user, birthDate: birthDateAged(16) } })
    await startApplication(page)
    await fillEveryStep(page, answers, { stopAt: '/apply/agent' })

    // いいえ is refused on the agent step itself, with the reason, before anything is sent.
    await page.getByRole('radio', { name: /^いいえ/ }).check()
    await page.getByRole('button', { name: '確認画面へ' }).click()
    const message = '利用者が18歳未満の場合は、法定代理人（親権者・後見人）を代理人として入力してください'
    await expect(page.getByText('ご入力いただいた利用者の生年月日では、利用者は18歳未満です。')).toBeVisible()
    const summary = page.getByRole('alert')
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link', { name: message })).toBeVisible()
    expect(writes).not.toContain('agent')

    // An agent who is not the 法定代理人 is refused too, on the relationship.
    await page.getByRole('radio', { name: /^はい/ }).check()
    await fillPerson(page, { ...sampleAnswers().user, familyName: '山田', givenName: '花子', givenNameKana: 'ハナコ', birthDate: { year: '1975', month: '5', day: '5' } })
    await page.getByRole('radio', { name: '友達', exact: true }).check()
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await expect(summary).toBeFocused()
    await summary.getByRole('link', { name: message }).click()
    await expect(page.getByRole('radio', { name: 'チームメイト', exact: true })).toBeFocused()
    await expect(page.getByRole('radio', { name: '友達', exact: true })).toHaveAttribute('aria-invalid', 'true')
    expect(writes).not.toContain('agent')

    await page.getByRole('radio', { name: '法定代理人（親権者・後見人）', exact: true }).check()
    await page.getByRole('button', { name: '確認画面へ' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    await expect(answer(page, '代理人情報', '代表者との関係')).toHaveText('法定代理人（親権者・後見人）')

    await page.getByRole('button', { name: '続けて本人確認画像をアップロードする' }).click()
    await expectStep(page, '/apply/verify', '身元確認用フォーム')
    const reference = (await page.getByTestId('reference').textContent())!.trim()
    expect((await stored(reference)).status).toBe('SUBMITTED')
  })
})
