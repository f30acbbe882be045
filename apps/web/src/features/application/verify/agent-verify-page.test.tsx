import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { AGENT_EVIDENCE_LABELS, type AgentEvidenceKind } from '@kakunin/schema/agent-ground'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
import type { AgentVerificationView, CurrentVerificationResponse, VerificationView } from '@kakunin/schema/verification'
import {
  AGENT_EVIDENCE_ID,
  anAgent,
  anAgentSession,
  anApplication,
  APPLICATION_ID,
  aVerification,
  currentVerification,
} from '@kakunin/test-data/applications'
import { validLogin, validType, validUser, withAgent } from '@kakunin/test-data/answers'
import { API, apiError } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'
import { AGENT_NEXT_EXPLANATION } from './agent-verification.tsx'

const ANSWERS = { type: validType, login: validLogin, user: validUser, agent: withAgent() }
const SUBMITTED = anApplication({ status: 'SUBMITTED', resumeAt: 'confirm', submittedAt: '2026-12-01T01:10:00.000Z', answers: ANSWERS })

const CUSTOMER_TITLE = '利用者ご本人の本人確認'
const AGENT_TITLE = '代理人（山田 花子 様）の本人確認'

/** The API of the 身元確認 screen with a 代理人: both sessions, opening either, and the evidence upload. */
function fakeApi(verification: CurrentVerificationResponse, application: ApplicantApplication = SUBMITTED) {
  const state = { application, verification, starts: [] as string[], uploads: [] as string[] }
  const agentOf = () => state.verification.agent as AgentVerificationView
  server.use(
    http.get(`${API}/applications/current`, () => HttpResponse.json(state.application)),
    http.get(`${API}/applications/:id/verifications/current`, () => HttpResponse.json(state.verification)),
    http.post(`${API}/applications/:id/verifications`, () => {
      state.starts.push('customer')
      const opened = aVerification()
      state.verification = { ...state.verification, verification: opened }
      return HttpResponse.json(opened, { status: 201 })
    }),
    http.post(`${API}/applications/:id/verifications/agent`, ({ params }) => {
      state.starts.push(`agent:${String(params.id)}`)
      const opened = anAgentSession()
      state.verification = { ...state.verification, agent: { ...agentOf(), verification: opened } }
      return HttpResponse.json(opened, { status: 201 })
    }),
    http.post(`${API}/applications/:id/agent-evidence/:kind`, ({ params }) => {
      const kind = params.kind as AgentEvidenceKind
      state.uploads.push(kind)
      const evidence = [...agentOf().evidence, { id: AGENT_EVIDENCE_ID, kind, createdAt: '2026-12-01T01:20:00.000Z' }]
      state.verification = { ...state.verification, agent: { ...agentOf(), evidence } }
      return new HttpResponse(null, { status: 204 })
    }),
  )
  return state
}

async function openVerify() {
  const app = renderApp('/apply/verify')
  await screen.findByRole('heading', { level: 1, name: '身元確認用フォーム' })
  await screen.findByRole('heading', { level: 2, name: AGENT_TITLE })
  return app
}

const section = (name: string) => screen.getByRole('region', { name })
const qrIn = (name: string) => within(section(name)).queryByRole('img', { name: /本人確認用のQRコード/ })
const nextButton = () => screen.getByRole('button', { name: '次へ' })
const verdictRegion = () => {
  const region = screen.getAllByRole('status').find((candidate) => candidate.classList.contains('verification-status'))
  if (!region) throw new Error('no verification-status region on the page')
  return region
}
const withAgentOf = (status: CurrentVerificationResponse['applicationStatus'], customer: VerificationView | null, agent: Partial<AgentVerificationView> = {}) =>
  currentVerification(status, customer, anAgent(agent))

describe('VerifyPage with a 代理人', () => {
  it('offers each person their own QR code, under their own heading, and says why the agent is verified too', async () => {
    const api = fakeApi(withAgentOf('SUBMITTED', null))
    const { user } = await openVerify()
    expect(screen.getByRole('heading', { level: 2, name: CUSTOMER_TITLE })).toBeInTheDocument()
    expect(screen.getByText(/犯罪収益移転防止法に基づき、利用者ご本人に加えて代理人の方の本人確認/)).toBeInTheDocument()
    expect(within(section(CUSTOMER_TITLE)).getByRole('button', { name: '利用者身元確認プランの確認を行う' })).toBeInTheDocument()
    const openAgent = within(section(AGENT_TITLE)).getByRole('button', { name: '代理人の本人確認用QRコードを表示する' })
    expect(nextButton()).toBeDisabled()
    expect(nextButton()).toHaveAccessibleDescription(AGENT_NEXT_EXPLANATION)

    await user.click(openAgent)

    const agentQr = await within(section(AGENT_TITLE)).findByRole('img', { name: /^代理人の方の本人確認用のQRコード/ })
    expect(agentQr).toHaveAttribute('src', anAgentSession().qrCode)
    expect(within(section(AGENT_TITLE)).getByText('代理人の方のスマートフォンで、QRコードを読み取ってください')).toBeInTheDocument()
    expect(within(section(AGENT_TITLE)).getByText(formatJapanDateTime(anAgentSession().expiresAt))).toBeInTheDocument()
    expect(within(section(AGENT_TITLE)).getByRole('link', { name: /本人確認アプリを開いてください.*（代理人の方）/ })).toHaveAttribute(
      'href',
      anAgentSession().url,
    )
    expect(api.starts).toEqual([`agent:${APPLICATION_ID}`])
    // The customer's is still to open, with its own button; nothing else moved.
    expect(qrIn(CUSTOMER_TITLE)).not.toBeInTheDocument()
    await user.click(within(section(CUSTOMER_TITLE)).getByRole('button', { name: '利用者身元確認プランの確認を行う' }))
    expect(await within(section(CUSTOMER_TITLE)).findByRole('img', { name: /^利用者ご本人の本人確認用のQRコード/ })).toBeInTheDocument()
    expect(api.starts).toEqual([`agent:${APPLICATION_ID}`, 'customer'])
    expect(nextButton()).toBeDisabled()
  })

  it('in review after the customer’s phone, still offers the agent’s QR code, and 次へ waits for it', async () => {
    const inReview = { ...SUBMITTED, status: 'IN_REVIEW' as const }
    fakeApi(withAgentOf('IN_REVIEW', aVerification({ status: 'SUBMITTED' })), inReview)
    await openVerify()
    expect(within(section(CUSTOMER_TITLE)).getByText('利用者ご本人のスマートフォンでの本人確認が完了しました。')).toBeInTheDocument()
    expect(qrIn(CUSTOMER_TITLE)).not.toBeInTheDocument()
    expect(within(section(AGENT_TITLE)).getByRole('button', { name: '代理人の本人確認用QRコードを表示する' })).toBeInTheDocument()
    expect(within(verdictRegion()).queryByText(/確認しています/)).not.toBeInTheDocument()
    expect(nextButton()).toBeDisabled()
  })

  it('while the agent’s phone is at it, says so in the agent’s section, and the customer’s approval waits for it', async () => {
    const inReview = { ...SUBMITTED, status: 'IN_REVIEW' as const }
    fakeApi(withAgentOf('IN_REVIEW', aVerification({ status: 'APPROVED' }), { verification: anAgentSession({ status: 'STARTED' }) }), inReview)
    await openVerify()
    expect(within(section(AGENT_TITLE)).getByText('代理人の方のスマートフォンで本人確認を進めています')).toBeInTheDocument()
    expect(qrIn(AGENT_TITLE)).toBeInTheDocument()
    expect(within(section(CUSTOMER_TITLE)).getByText('利用者ご本人のスマートフォンでの本人確認が完了しました。')).toBeInTheDocument()
    expect(nextButton()).toBeDisabled()
  })

  it('follows the agent’s phone live while the application is already in review, and enables 次へ when it is done', async () => {
    const inReview = { ...SUBMITTED, status: 'IN_REVIEW' as const }
    const api = fakeApi(withAgentOf('IN_REVIEW', aVerification({ status: 'APPROVED' }), { verification: anAgentSession({ status: 'PENDING' }) }), inReview)
    await openVerify()
    expect(nextButton()).toBeDisabled()

    api.verification = withAgentOf('IN_REVIEW', aVerification({ status: 'APPROVED' }), { verification: anAgentSession({ status: 'SUBMITTED' }) })

    expect(await within(section(AGENT_TITLE)).findByText('代理人の方のスマートフォンでの本人確認が完了しました。', {}, { timeout: 5000 })).toBeInTheDocument()
    await waitFor(() => expect(nextButton()).toBeEnabled())
    expect(qrIn(AGENT_TITLE)).not.toBeInTheDocument()
  })

  it('once both phones are done, enables 次へ and says the review is under way', async () => {
    const inReview = { ...SUBMITTED, status: 'IN_REVIEW' as const }
    fakeApi(withAgentOf('IN_REVIEW', aVerification({ status: 'APPROVED' }), { verification: anAgentSession({ status: 'SUBMITTED' }) }), inReview)
    const { user, currentPath } = await openVerify()
    expect(within(section(AGENT_TITLE)).getByText('代理人の方のスマートフォンでの本人確認が完了しました。')).toBeInTheDocument()
    expect(await within(verdictRegion()).findByText(/ご提出いただいた本人確認書類とお申し込みの内容を確認しています/)).toBeInTheDocument()
    expect(nextButton()).toBeEnabled()
    expect(screen.queryByText(AGENT_NEXT_EXPLANATION)).not.toBeInTheDocument()

    await user.click(nextButton())

    await screen.findByRole('heading', { level: 1, name: 'お申し込み完了' })
    expect(currentPath()).toBe('/apply/complete')
  })

  it('when the agent’s QR code expired, offers a new one for the agent only', async () => {
    const api = fakeApi(withAgentOf('VERIFYING', aVerification({ status: 'STARTED' }), { verification: anAgentSession({ status: 'EXPIRED' }) }))
    const { user } = await openVerify()
    expect(within(section(AGENT_TITLE)).getByText(/QRコードの有効期限が切れました/)).toBeInTheDocument()
    const renew = within(section(AGENT_TITLE)).getByRole('button', { name: /^新しいQRコードを表示する\s*（代理人の方）$/ })
    expect(within(section(CUSTOMER_TITLE)).queryByRole('button')).not.toBeInTheDocument()
    expect(qrIn(CUSTOMER_TITLE)).toBeInTheDocument()

    await user.click(renew)

    expect(await within(section(AGENT_TITLE)).findByRole('img', { name: /本人確認用のQRコード/ })).toBeInTheDocument()
    expect(api.starts).toEqual([`agent:${APPLICATION_ID}`])
  })

  it('says in the agent’s section why the agent’s QR code could not be opened', async () => {
    fakeApi(withAgentOf('SUBMITTED', null))
    server.use(
      http.post(`${API}/applications/:id/verifications/agent`, () => apiError(409, 'CONFLICT', '代理人の本人確認の内容を確認中です。結果をお待ちください。')),
    )
    const { user } = await openVerify()
    await user.click(within(section(AGENT_TITLE)).getByRole('button', { name: '代理人の本人確認用QRコードを表示する' }))
    expect(await within(section(AGENT_TITLE)).findByRole('alert')).toHaveTextContent('代理人の本人確認の内容を確認中です。結果をお待ちください。')
    expect(within(section(CUSTOMER_TITLE)).queryByRole('alert')).not.toBeInTheDocument()
  })

  describe('the evidence of why the agent may act', () => {
    const GROUND = '代理人としてお手続きいただけることの確認'
    const uploadName = (label: string) => `アップロードする （${label}）`
    const input = (label: string) => within(section(GROUND)).getByLabelText(new RegExp(`^${label}`))

    it('a 友達 uploads the customer’s 委任状 (or staff call the customer); the upload is checked, sent and shown as 提出済み', async () => {
      const api = fakeApi(withAgentOf('SUBMITTED', null, { relationship: 'FRIEND', evidenceKind: 'POWER_OF_ATTORNEY', evidenceRequired: true }))
      const { user } = await openVerify()
      const label = AGENT_EVIDENCE_LABELS.POWER_OF_ATTORNEY
      expect(within(section(GROUND)).getByText(/利用者ご本人が作成した委任状をアップロードしてください。委任状をご用意できない場合は、担当者から利用者ご本人にお電話で確認します/)).toBeInTheDocument()
      expect(input(label)).toHaveAccessibleName(`${label} ※必須`)
      expect(input(label)).toHaveAttribute('accept', 'image/*,application/pdf')
      expect(within(section(GROUND)).getByText(`${label}：まだ提出されていません`)).toBeInTheDocument()
      const upload = within(section(GROUND)).getByRole('button', { name: uploadName(label) })

      await user.click(upload)
      expect(await within(section(GROUND)).findByRole('alert')).toHaveTextContent(`${label}のファイルを選択してください`)
      expect(input(label)).toHaveFocus()
      expect(api.uploads).toEqual([])

      await user.upload(input(label), new File(['%PDF-1.4'], 'ininjo.pdf', { type: 'application/pdf' }))
      await user.click(upload)

      expect(await within(section(GROUND)).findByText(`${label}：提出済み（${formatJapanDateTime('2026-12-01T01:20:00.000Z')}）`)).toBeInTheDocument()
      expect(api.uploads).toEqual(['POWER_OF_ATTORNEY'])
      expect(input(label)).not.toHaveAttribute('aria-invalid')
    })

    it('a 家族 at the same address needs no document; one living apart may upload a 委任状 (※任意)', async () => {
      fakeApi(withAgentOf('SUBMITTED', null))
      await openVerify()
      expect(within(section(GROUND)).getByText('同じ住所にお住まいのご家族の場合は、書類のご提出は不要です。')).toBeInTheDocument()
      expect(within(section(GROUND)).getByText(/別々にお住まいの場合は、利用者ご本人が作成した委任状/)).toBeInTheDocument()
      expect(input(AGENT_EVIDENCE_LABELS.POWER_OF_ATTORNEY)).toHaveAccessibleName(`${AGENT_EVIDENCE_LABELS.POWER_OF_ATTORNEY} ※任意`)
    })

    it('a 法定代理人 uploads a document showing it (戸籍謄本・住民票 etc.)', async () => {
      const api = fakeApi(withAgentOf('SUBMITTED', null, { relationship: 'LEGAL_GUARDIAN', evidenceKind: 'GUARDIANSHIP_PROOF', evidenceRequired: true }))
      const { user } = await openVerify()
      const label = AGENT_EVIDENCE_LABELS.GUARDIANSHIP_PROOF
      expect(within(section(GROUND)).getByText(/法定代理人（親権者・後見人）であることを、書類で確認します/)).toBeInTheDocument()
      expect(input(label)).toHaveAccessibleName(`${label} ※必須`)
      await user.upload(input(label), new File(['jpeg'], 'koseki.jpg', { type: 'image/jpeg' }))
      await user.click(within(section(GROUND)).getByRole('button', { name: uploadName(label) }))
      await waitFor(() => expect(api.uploads).toEqual(['GUARDIANSHIP_PROOF']))
    })

    it('shows the API’s refusal of a file on the field', async () => {
      fakeApi(withAgentOf('SUBMITTED', null, { relationship: 'FRIEND', evidenceRequired: true }))
      const refusal = '利用者が作成した委任状は、画像（JPEG、PNG、HEIC、WebP）またはPDFで提出してください。'
      server.use(http.post(`${API}/applications/:id/agent-evidence/:kind`, () => apiError(400, 'VALIDATION_FAILED', '入力内容に誤りがあります。', { file: refusal })))
      const { user } = await openVerify()
      const label = AGENT_EVIDENCE_LABELS.POWER_OF_ATTORNEY
      await user.upload(input(label), new File(['not a pdf'], 'fake.pdf', { type: 'application/pdf' }))
      await user.click(within(section(GROUND)).getByRole('button', { name: uploadName(label) }))
      expect(await within(section(GROUND)).findByRole('alert')).toHaveTextContent(refusal)
      expect(input(label)).toHaveAttribute('aria-invalid', 'true')
    })

    it('once the ground is decided, says so and asks for nothing', async () => {
      fakeApi(withAgentOf('SUBMITTED', null, { relationship: 'FRIEND', evidenceRequired: true, groundDecided: true }))
      await openVerify()
      expect(within(section(GROUND)).getByText('代理人としてお手続きいただけることの確認は完了しました。')).toBeInTheDocument()
      expect(within(section(GROUND)).queryByRole('button')).not.toBeInTheDocument()
    })
  })

  it('a denial for the agent’s details says so, and 内容を修正する leads to 代理人情報 through the confirmation screen', async () => {
    const denied: ApplicantApplication = {
      ...SUBMITTED,
      status: 'DENIED',
      denial: {
        fields: ['agent.agent.familyName'],
        hints: ['代理人の氏名（姓）が本人確認書類の記載と一致しません。'],
        values: { 'agent.agent.familyName': '山田' },
      },
    }
    fakeApi(withAgentOf('DENIED', aVerification({ status: 'APPROVED' }), { verification: anAgentSession({ status: 'DENIED' }) }), denied)
    const { user, currentPath } = await openVerify()
    const verdict = verdictRegion()
    expect(within(verdict).getByText('代理人の方の本人確認書類の記載と、「代理人情報」にご入力いただいた内容が一致しませんでした。')).toBeInTheDocument()
    expect(within(verdict).getByText('代理人の氏名（姓）が本人確認書類の記載と一致しません。')).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: '代理人としてお手続きいただけることの確認' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '次へ' })).not.toBeInTheDocument()

    await user.click(within(verdict).getByRole('button', { name: '内容を修正する' }))

    await screen.findByRole('heading', { level: 1, name: '登録情報確認' })
    const banner = screen.getByRole('region', { name: '審査の結果、お申し込みを承認できませんでした' })
    expect(within(banner).getByText('代理人の方の本人確認書類の記載と、「代理人情報」にご入力いただいた内容が一致しませんでした。')).toBeInTheDocument()
    const agentGroup = screen.getByRole('region', { name: '代理人情報' })
    const nameRow = within(agentGroup).getByText('代理人の氏名', { selector: 'dt' }).closest('div')
    expect(nameRow).toHaveTextContent('要確認: 代理人の方の本人確認書類の記載と一致しませんでした')
    expect(within(agentGroup).getByText(/代理人の方の本人確認書類の記載と一致しなかった項目があります/)).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: '利用者情報' })).queryByText(/^要確認/)).not.toBeInTheDocument()
    expect(screen.getByTestId('correction-progress')).toHaveTextContent('要確認の項目があと1件あります。')

    await user.click(within(banner).getByRole('link', { name: '代理人情報を修正する' }))

    await screen.findByRole('heading', { level: 1, name: '代理人情報' })
    expect(currentPath()).toBe('/apply/agent?from=confirm')
    expect(screen.getByText('次の項目が代理人の方の本人確認書類の記載と一致しませんでした。')).toBeInTheDocument()
    expect(screen.getByText('代理人の氏名（姓）が本人確認書類の記載と一致しません。')).toBeInTheDocument()
  })
})
