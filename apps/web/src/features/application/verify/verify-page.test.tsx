import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
import type { CurrentVerificationResponse, VerificationView } from '@kakunin/schema/verification'
import { aVerification, anApplication, APPLICATION_ID, currentVerification } from '@kakunin/test-data/applications'
import { API, apiError, currentApplication } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

const SUBMITTED = anApplication({ status: 'SUBMITTED', resumeAt: 'confirm', submittedAt: '2026-12-01T01:10:00.000Z' })

/** The API of the 身元確認 screen: the application, its current verification, and opening a new one. */
function fakeApi(verification: CurrentVerificationResponse, opened: VerificationView = aVerification()) {
  const state = { application: SUBMITTED as ApplicantApplication, verification, starts: [] as string[] }
  server.use(
    http.get(`${API}/applications/current`, () => HttpResponse.json(state.application)),
    http.get(`${API}/applications/:id/verifications/current`, () => HttpResponse.json(state.verification)),
    http.post(`${API}/applications/:id/verifications`, ({ params }) => {
      state.starts.push(String(params.id))
      state.verification = currentVerification('SUBMITTED', opened)
      return HttpResponse.json(opened, { status: 201 })
    }),
  )
  return state
}

async function openVerify() {
  const app = renderApp('/apply/verify')
  await screen.findByRole('heading', { level: 1, name: '身元確認用フォーム' })
  return app
}

/** The live region where the phone's progress, then the verdict, is announced. */
const verdictRegion = () => {
  const region = screen.getAllByRole('status').find((candidate) => candidate.classList.contains('verification-status'))
  if (!region) throw new Error('no verification-status region on the page')
  return region
}
const qrCode = () => screen.queryByRole('img', { name: /本人確認用のQRコード/ })
const nextButton = () => screen.getByRole('button', { name: '次へ' })
const NEXT_EXPLANATION = 'スマートフォンでの本人確認が完了すると、「次へ」を押せるようになります。'

describe('VerifyPage', () => {
  it('without a session, offers 利用者身元確認プランの確認を行う, which shows the QR code', async () => {
    const api = fakeApi(currentVerification('SUBMITTED', null))
    const { user } = await openVerify()
    expect(screen.getByTestId('reference')).toHaveTextContent('KYC-20261201-0001')
    const start = await screen.findByRole('button', { name: '利用者身元確認プランの確認を行う' })
    expect(qrCode()).not.toBeInTheDocument()
    expect(nextButton()).toBeDisabled()
    expect(nextButton()).toHaveAccessibleDescription(NEXT_EXPLANATION)

    await user.click(start)

    expect(await screen.findByRole('img', { name: /本人確認用のQRコード/ })).toBeInTheDocument()
    expect(screen.getByText('スマートフォンで本人確認を行ってください')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '利用者身元確認プランの確認を行う' })).not.toBeInTheDocument()
    expect(api.starts).toEqual([APPLICATION_ID])
  })

  it('with a QR code to scan (PENDING), shows it, its expiry and the link for a phone', async () => {
    const verification = aVerification({ status: 'PENDING' })
    fakeApi(currentVerification('SUBMITTED', verification))
    await openVerify()

    expect(await screen.findByText('スマートフォンで本人確認を行ってください')).toBeInTheDocument()
    expect(qrCode()).toHaveAttribute('src', verification.qrCode)
    expect(screen.getByText(formatJapanDateTime(verification.expiresAt))).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /本人確認アプリを開いてください/ })).toHaveAttribute('href', verification.url)
    expect(screen.queryByRole('button', { name: '利用者身元確認プランの確認を行う' })).not.toBeInTheDocument()
    expect(nextButton()).toBeDisabled()
  })

  it('while the phone is at it (STARTED), keeps the QR code and says so', async () => {
    fakeApi(currentVerification('VERIFYING', aVerification({ status: 'STARTED' })))
    await openVerify()
    expect(await screen.findByText('スマートフォンで本人確認を進めています')).toBeInTheDocument()
    expect(qrCode()).toBeInTheDocument()
    expect(nextButton()).toBeDisabled()
  })

  it('once the phone is done (SUBMITTED), enables 次へ, which goes where the application now stands', async () => {
    const api = fakeApi(currentVerification('SUBMITTED', aVerification({ status: 'SUBMITTED' })))
    const { user, currentPath } = await openVerify()
    expect(await screen.findByText('スマートフォンでの本人確認が完了しました。「次へ」を押してください。')).toBeInTheDocument()
    expect(qrCode()).not.toBeInTheDocument()
    expect(nextButton()).toBeEnabled()
    expect(screen.queryByText(NEXT_EXPLANATION)).not.toBeInTheDocument()

    // The provider's review has begun meanwhile.
    api.application = { ...SUBMITTED, status: 'IN_REVIEW', version: SUBMITTED.version + 2 }
    await user.click(nextButton())

    await screen.findByRole('heading', { level: 1, name: 'お申し込み完了' })
    expect(currentPath()).toBe('/apply/complete')
  })

  it('when the QR code expired unused (EXPIRED), offers 新しいQRコードを表示する', async () => {
    const api = fakeApi(currentVerification('SUBMITTED', aVerification({ status: 'EXPIRED' })))
    const { user } = await openVerify()
    const renew = await screen.findByRole('button', { name: '新しいQRコードを表示する' })
    expect(screen.getByText(/QRコードの有効期限が切れました/)).toBeInTheDocument()
    expect(qrCode()).not.toBeInTheDocument()
    expect(nextButton()).toBeDisabled()

    await user.click(renew)

    expect(await screen.findByRole('img', { name: /本人確認用のQRコード/ })).toBeInTheDocument()
    expect(api.starts).toEqual([APPLICATION_ID])
  })

  it('says why no QR code could be opened', async () => {
    fakeApi(currentVerification('SUBMITTED', null))
    server.use(
      http.post(`${API}/applications/:id/verifications`, () =>
        apiError(429, 'RATE_LIMITED', 'QRコードの発行が多すぎます。しばらくしてからお試しください。'),
      ),
    )
    const { user } = await openVerify()
    await user.click(await screen.findByRole('button', { name: '利用者身元確認プランの確認を行う' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('QRコードの発行が多すぎます。しばらくしてからお試しください。')
  })

  it('says when the verification could not be read, and reads it again on 再読み込み', async () => {
    let calls = 0
    server.use(
      currentApplication(SUBMITTED),
      http.get(`${API}/applications/:id/verifications/current`, () => {
        calls += 1
        return calls === 1
          ? apiError(503, 'SERVICE_UNAVAILABLE', 'ただいま混み合っています。')
          : HttpResponse.json(currentVerification('SUBMITTED', null))
      }),
    )
    const { user } = await openVerify()
    expect(await screen.findByRole('alert')).toHaveTextContent('ただいま混み合っています。')

    await user.click(screen.getByRole('button', { name: '再読み込み' }))

    expect(await screen.findByRole('button', { name: '利用者身元確認プランの確認を行う' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('when staff have denied meanwhile, shows the denial in place, with 内容を修正する to the confirmation screen', async () => {
    const denied: ApplicantApplication = { ...SUBMITTED, status: 'DENIED', denial: { fields: ['user.familyName'], hints: ['氏名の字体が本人確認書類と異なります'] } }
    let reads = 0
    server.use(
      // The first read lets the page open; by the time the verification is read, staff had denied it.
      http.get(`${API}/applications/current`, () => HttpResponse.json((reads += 1) === 1 ? SUBMITTED : denied)),
      http.get(`${API}/applications/:id/verifications/current`, () => HttpResponse.json(currentVerification('DENIED', null))),
    )
    const { user, currentPath } = await openVerify()

    const status = verdictRegion()
    expect(await within(status).findByText('審査の結果、お申し込みを承認できませんでした。')).toBeInTheDocument()
    expect(within(status).getByText('氏名の字体が本人確認書類と異なります')).toBeInTheDocument()
    expect(screen.queryByText(/「次へ」を押してください/)).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '次へ' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '利用者身元確認プランの確認を行う' })).not.toBeInTheDocument()
    expect(currentPath()).toBe('/apply/verify')

    await user.click(screen.getByRole('button', { name: '内容を修正する' }))

    await screen.findByRole('heading', { level: 1, name: '登録情報確認' })
    expect(currentPath()).toBe('/apply/confirm')
  })

  it('follows the review after the phone (IN_REVIEW) to its approval, in place', async () => {
    const api = fakeApi(currentVerification('IN_REVIEW', aVerification({ status: 'SUBMITTED' })))
    api.application = { ...SUBMITTED, status: 'IN_REVIEW' }
    const { currentPath } = await openVerify()
    const status = verdictRegion()
    expect(await within(status).findByText(/ご提出いただいた本人確認書類とお申し込みの内容を確認しています/)).toBeInTheDocument()
    expect(nextButton()).toBeEnabled()

    api.application = { ...SUBMITTED, status: 'APPROVED' }

    expect(await within(status).findByText(/お申し込みは承認されました/, {}, { timeout: 5000 })).toBeInTheDocument()
    expect(currentPath()).toBe('/apply/verify')
  })

  it('when the review asks for documents (ENHANCED_REVIEW), offers their upload in place', async () => {
    fakeApi(currentVerification('ENHANCED_REVIEW', aVerification({ status: 'APPROVED' })))
    const enhanced: ApplicantApplication = {
      ...SUBMITTED,
      status: 'ENHANCED_REVIEW',
      enhancedReview: { required: ['INCOME_ASSETS'], uploaded: [] },
    }
    server.use(currentApplication(enhanced))
    await openVerify()
    expect(await within(verdictRegion()).findByText('追加の書類のご提出が必要です。')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: '追加の書類の提出' })).toBeInTheDocument()
  })

  it('marks its automatic reads as polls, and the first read (the page opening) not', async () => {
    const polls: (string | null)[] = []
    fakeApi(currentVerification('SUBMITTED', aVerification({ status: 'PENDING' })))
    server.use(
      http.get(`${API}/applications/:id/verifications/current`, ({ request }) => {
        polls.push(request.headers.get('x-kakunin-poll'))
        return HttpResponse.json(currentVerification('SUBMITTED', aVerification({ status: 'PENDING' })))
      }),
    )
    await openVerify()
    await waitFor(() => expect(polls.length).toBeGreaterThanOrEqual(2), { timeout: 5000 })
    expect(polls[0]).toBeNull()
    expect(polls.slice(1).every((header) => header === '1')).toBe(true)
  })
})
