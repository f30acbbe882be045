import { expect, test, type Page } from '@playwright/test'
import { AGENT_EVIDENCE_LABELS } from '@kakunin/schema/agent-ground'
import { expectNoSeriousA11yViolations } from '../support/accessibility.ts'
import {
  AGENT_VERIFY_BUTTON,
  agentAnswers,
  agentPassport,
  agentSection,
  CUSTOMER_SECTION,
  CUSTOMER_VERIFY_BUTTON,
  GROUND_SECTION,
  section,
  showQrCodeIn,
  verifyPassportOnPhone,
} from '../support/agent.ts'
import { currentApplication, expectStep } from '../support/applicant-form.ts'
import { sampleAnswers } from '../support/answers.ts'
import { statusOf } from '../support/database.ts'
import { pdfDocument } from '../support/images.ts'
import { uniqueEmail, waitForMail } from '../support/mailbox.ts'
import { staffApi, staffKey } from '../support/staff.ts'
import { desktopNext, matchingLicence, openOnPhone, submitApplication, verifyOnPhone, verifyThroughApi } from '../support/verification.ts'

const AGENT = agentSection('山田 花子')
const reviewStatus = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text })

test.describe('代理人 (犯収法4条4項): the agent’s own eKYC beside the customer’s, and the ground they act on', () => {
  // Two phones, the reviewer's delay twice and the page's polling: longer than 30 s on a loaded machine.
  test.describe.configure({ timeout: 120_000 })

  test('a 家族 at the same address: both phones, no document, to お申し込み完了 and 承認', async ({ page, browser, request }) => {
    const answers = sampleAnswers({ login: { ...sampleAnswers().login, loginEmail: uniqueEmail('agent-family') }, agent: agentAnswers() })
    await submitApplication(page, answers)
    const { reference } = await currentApplication(page)

    // Each person's section, with its own button; why the agent is verified too; 次へ waits for both.
    await expect(section(page, CUSTOMER_SECTION).getByRole('heading', { level: 2 })).toHaveText(CUSTOMER_SECTION)
    await expect(section(page, AGENT).getByRole('heading', { level: 2 })).toHaveText(AGENT)
    await expect(page.locator('main')).toContainText('犯罪収益移転防止法に基づき、利用者ご本人に加えて代理人の方の本人確認')
    await expect(section(page, GROUND_SECTION)).toContainText('同じ住所にお住まいのご家族の場合は、書類のご提出は不要です。')
    await expect(desktopNext(page)).toBeDisabled()
    await expectNoSeriousA11yViolations(page)

    // The agent's QR code first, on the agent's phone, with a passport and what it reads.
    const agentUrl = await showQrCodeIn(page, AGENT, AGENT_VERIFY_BUTTON)
    const customerUrl = await showQrCodeIn(page, CUSTOMER_SECTION, CUSTOMER_VERIFY_BUTTON)
    expect(customerUrl).not.toBe(agentUrl)
    await expectNoSeriousA11yViolations(page)
    const agentPhone = await openOnPhone(browser, agentUrl)
    await verifyPassportOnPhone(agentPhone.phone, agentPassport)
    await agentPhone.context.close()
    await expect(section(page, AGENT)).toContainText('代理人の方のスマートフォンでの本人確認が完了しました。', { timeout: 15_000 })
    await expect(section(page, AGENT).getByRole('img', { name: /QRコード/ })).toHaveCount(0)
    // The application is in review with one phone done; the customer's QR code is still there.
    await expect.poll(() => statusOf(reference), { timeout: 15_000 }).toBe('IN_REVIEW')
    await expect(section(page, CUSTOMER_SECTION).getByRole('img', { name: /本人確認用のQRコード/ })).toBeVisible()
    await expect(desktopNext(page)).toBeDisabled()

    // Then the customer's, on their own phone.
    const customerPhone = await openOnPhone(browser, customerUrl)
    await verifyOnPhone(customerPhone.phone, matchingLicence)
    await customerPhone.context.close()
    await expect(desktopNext(page)).toBeEnabled({ timeout: 15_000 })
    await desktopNext(page).click()

    // Both approved by the sandbox, the same address on both documents: 同居の親族, approved.
    await expectStep(page, '/apply/complete', 'お申し込み完了')
    await expect(reviewStatus(page, '承認されました')).toContainText('取引時確認は完了です', { timeout: 20_000 })
    expect(await statusOf(reference)).toBe('APPROVED')
    await expectNoSeriousA11yViolations(page)
    expect((await waitForMail(request, answers.login.loginEmail, 'APPROVED')).subject).toContain(reference)
  })

  test('a 友達: the customer’s 委任状 uploaded, staff record the ground and approve, and the open page shows it', async ({ page, request }) => {
    const answers = sampleAnswers({
      login: { ...sampleAnswers().login, loginEmail: uniqueEmail('agent-friend') },
      agent: agentAnswers({
        familyName: '佐藤',
        givenName: '次郎',
        familyNameKana: 'サトウ',
        givenNameKana: 'ジロウ',
        birthDate: { year: '1988', month: '2', day: '14' },
        address: { postalCode: '530-0001', prefecture: '大阪府', city: '大阪市北区', town: '梅田1-1-1', building: '' },
        relationship: '友達',
      }),
    })
    await submitApplication(page, answers)
    const { reference, id } = await currentApplication(page)
    const agent = agentSection('佐藤 次郎')

    // The 委任状: what it is for, refused when it is not a document, then a PDF.
    const ground = section(page, GROUND_SECTION)
    const label = AGENT_EVIDENCE_LABELS.POWER_OF_ATTORNEY
    await expect(ground).toContainText('委任状をご用意できない場合は、担当者から利用者ご本人にお電話で確認します')
    const input = ground.getByLabel(new RegExp(`^${label}`))
    const upload = ground.getByRole('button', { name: new RegExp(`^アップロードする\\s*（${label}）$`) })
    await input.setInputFiles({ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('委任状ではありません') })
    await upload.click()
    await expect(ground.getByRole('alert')).toContainText('画像（JPEG、PNG、HEIC、WebP）またはPDFのファイルを選択してください')
    await input.setInputFiles({ name: 'ininjo.pdf', mimeType: 'application/pdf', buffer: pdfDocument('ininjo') })
    await upload.click()
    await expect(ground.getByRole('status').filter({ hasText: `${label}：提出済み` })).toBeVisible()
    await expectNoSeriousA11yViolations(page)

    // Both sessions, straight through the sandbox's API (the phones have their own test above).
    await verifyThroughApi(request, await showQrCodeIn(page, CUSTOMER_SECTION, CUSTOMER_VERIFY_BUTTON), matchingLicence)
    await verifyThroughApi(request, await showQrCodeIn(page, agent, AGENT_VERIFY_BUTTON), {
      familyName: '佐藤',
      givenName: '次郎',
      birthDate: { year: '1988', month: '2', day: '14' },
      address: '大阪府大阪市北区梅田1丁目1番1号',
    })
    await expect(desktopNext(page)).toBeEnabled({ timeout: 15_000 })
    await desktopNext(page).click()
    await expectStep(page, '/apply/complete', 'お申し込み完了')
    await expect(reviewStatus(page, '確認しています')).toBeVisible()

    // Both approved by the sandbox, yet no ground: it waits for staff.
    const current = async () => (await page.request.get(`/api/applications/${id}/verifications/current`)).json()
    await expect
      .poll(async () => {
        const { verification, agent: agentView } = await current()
        return [verification?.status, agentView?.verification?.status]
      }, { timeout: 20_000 })
      .toEqual(['APPROVED', 'APPROVED'])
    expect(await statusOf(reference)).toBe('IN_REVIEW')
    const { agent: agentView } = (await current()) as { agent: { evidence: { id: string; kind: string }[]; groundDecided: boolean } }
    expect(agentView.groundDecided).toBe(false)
    expect(agentView.evidence.map((item) => item.kind)).toEqual(['POWER_OF_ATTORNEY'])

    // Staff read the 委任状, record the ground by it, and approve.
    const staff = staffApi(request)
    const staffId = await staff.findByReference(reference)
    const headers = { Authorization: `Bearer ${staffKey('reviewer')}` }
    const recorded = await request.post(`/api/staff/applications/${staffId}/agent-ground`, {
      headers,
      data: { ground: 'POWER_OF_ATTORNEY', documentId: agentView.evidence[0]!.id },
    })
    expect(recorded.status(), await recorded.text()).toBe(204)
    await staff.decide(staffId, { decision: 'APPROVE' })

    await expect(reviewStatus(page, '承認されました')).toContainText('取引時確認は完了です', { timeout: 15_000 })
    await expect(page.getByRole('region', { name: GROUND_SECTION })).toHaveCount(0)
    expect(await statusOf(reference)).toBe('APPROVED')
  })

  test('the agent’s ID does not match: the denial says it was the agent’s, and leads to 代理人情報', async ({ page, request }) => {
    const answers = sampleAnswers({ login: { ...sampleAnswers().login, loginEmail: uniqueEmail('agent-mismatch') }, agent: agentAnswers() })
    await submitApplication(page, answers)
    const { reference } = await currentApplication(page)

    await verifyThroughApi(request, await showQrCodeIn(page, CUSTOMER_SECTION, CUSTOMER_VERIFY_BUTTON), matchingLicence)
    // The agent's document says 花代, not 花子.
    await verifyThroughApi(request, await showQrCodeIn(page, AGENT, AGENT_VERIFY_BUTTON), { ...agentPassport, givenName: '花代' })

    const verdict = page.locator('.verification-status')
    await expect(verdict).toContainText('審査の結果、お申し込みを承認できませんでした', { timeout: 20_000 })
    await expect(verdict).toContainText('代理人の方の本人確認書類の記載と、「代理人情報」にご入力いただいた内容が一致しませんでした。')
    await expect(verdict.getByRole('listitem').filter({ hasText: /^代理人の/ }).first()).toBeVisible()
    expect(await statusOf(reference)).toBe('DENIED')
    await expectNoSeriousA11yViolations(page)

    await verdict.getByRole('button', { name: '内容を修正する' }).click()
    await expectStep(page, '/apply/confirm', '登録情報確認')
    const banner = page.getByRole('region', { name: '審査の結果、お申し込みを承認できませんでした' })
    await expect(banner).toContainText('代理人の方の本人確認書類の記載と、「代理人情報」にご入力いただいた内容が一致しませんでした。')
    const agentGroup = page.getByRole('region', { name: '代理人情報' })
    await expect(agentGroup.locator('.answer-row', { hasText: '代理人の氏名' }).first()).toContainText('要確認: 代理人の方の本人確認書類の記載と一致しませんでした')
    await expect(page.getByRole('region', { name: '利用者情報' })).not.toContainText('要確認')
    await expectNoSeriousA11yViolations(page)

    await banner.getByRole('link', { name: '代理人情報を修正する' }).click()
    await expectStep(page, '/apply/agent', '代理人情報')
    await expect(page.getByText('次の項目が代理人の方の本人確認書類の記載と一致しませんでした。')).toBeVisible()
    const mail = await waitForMail(request, answers.login.loginEmail, 'DENIED')
    expect(mail.text).toContain('代理人の')
  })
})
