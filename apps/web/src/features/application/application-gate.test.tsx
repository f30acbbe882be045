import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { aVerification, anApplication, currentVerification } from '@kakunin/test-data/applications'
import { API, apiError, currentApplication, currentVerificationOf } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

const heading = (name: string) => screen.findByRole('heading', { level: 1, name })

/** Opens `path` with this session's application (or none), and waits for the screen it ends on. */
async function open(path: string, application: ApplicantApplication | null, landsOn: string) {
  server.use(currentApplication(application), currentVerificationOf(currentVerification('SUBMITTED', aVerification())))
  const app = renderApp(path)
  await heading(landsOn)
  return app
}

describe('ApplicationGate', () => {
  it('sends a session without an application (404) to the entry question', async () => {
    const { currentPath, history } = await open('/apply/verify', null, '取引時確認情報の登録')
    expect(currentPath()).toBe('/')
    // A redirect replaces the screen that could not be shown: 戻る does not bounce back into it.
    expect(history).toEqual(['/'])
  })

  it('sends a draft to the step it was saved at', async () => {
    const { currentPath } = await open('/apply/verify', anApplication({ status: 'DRAFT', resumeAt: 'purpose' }), '内容・目的')
    expect(currentPath()).toBe('/apply/purpose')
  })

  it('sends a fresh draft, without a resume point, to its first step', async () => {
    const { currentPath } = await open('/apply/verify', anApplication({ status: 'DRAFT', resumeAt: null, answers: {} }), 'お申し込み内容の入力')
    expect(currentPath()).toBe('/apply/type')
  })

  it('lets a draft open the confirmation screen, whatever its resume point', async () => {
    const { currentPath } = await open('/apply/confirm', anApplication({ status: 'DRAFT', resumeAt: 'user' }), '登録情報確認')
    expect(currentPath()).toBe('/apply/confirm')
  })

  it('sends a submitted first-time application to 身元確認', async () => {
    const application = anApplication({ status: 'SUBMITTED', resumeAt: 'confirm', submittedAt: '2026-12-01T01:10:00.000Z' })
    const { currentPath } = await open('/apply/confirm', application, '身元確認用フォーム')
    expect(currentPath()).toBe('/apply/verify')
  })

  it('sends a submitted link (2回目以降) to お申し込み完了, where it waits for the owner', async () => {
    const application = anApplication({
      flow: 'LINK_VERIFIED',
      status: 'SUBMITTED',
      resumeAt: 'confirm',
      submittedAt: '2026-12-01T01:10:00.000Z',
      ownerConfirmation: { sentTo: 'o***@example.com', expiresAt: '2026-12-04T01:10:00.000Z', status: 'PENDING' },
    })
    const { currentPath } = await open('/apply/verify', application, 'お申し込み完了')
    expect(currentPath()).toBe('/apply/complete')
    expect(screen.getByText(/取引時確認済みのアカウントの所有者による確認をお待ちしています/)).toBeInTheDocument()
  })

  it('sends a denied application to the confirmation screen to correct it', async () => {
    // 身元確認 is not for a link (2回目以降); a first-time denial would be shown there in place.
    const application = anApplication({
      flow: 'LINK_VERIFIED',
      status: 'DENIED',
      resumeAt: 'confirm',
      denial: { fields: ['login.verifiedAccountSid'], hints: [] },
    })
    const { currentPath } = await open('/apply/verify', application, '登録情報確認')
    expect(currentPath()).toBe('/apply/confirm')
  })

  it('sends an application in enhanced review to お申し込み完了, where documents are uploaded', async () => {
    const application = anApplication({
      status: 'ENHANCED_REVIEW',
      resumeAt: 'confirm',
      enhancedReview: { required: ['INCOME_ASSETS'], uploaded: [] },
    })
    const { currentPath } = await open('/apply/confirm', application, 'お申し込み完了')
    expect(currentPath()).toBe('/apply/complete')
    expect(screen.getByText('追加の書類のご提出が必要です。')).toBeInTheDocument()
  })

  it('sends an approved application to お申し込み完了', async () => {
    const { currentPath } = await open('/apply/user', anApplication({ status: 'APPROVED', resumeAt: 'confirm' }), 'お申し込み完了')
    expect(currentPath()).toBe('/apply/complete')
    expect(screen.getByText('審査が完了し、お申し込みは承認されました。取引時確認は完了です。')).toBeInTheDocument()
  })

  it('shows the screen to an application in a status it is for', async () => {
    const { currentPath } = await open('/apply/user', anApplication({ status: 'DRAFT', resumeAt: 'login' }), '利用者情報')
    expect(currentPath()).toBe('/apply/user')
  })

  it('says when the application could not be read, and reads it again on 再読み込み', async () => {
    let calls = 0
    server.use(
      http.get(`${API}/applications/current`, () => {
        calls += 1
        return calls === 1
          ? apiError(503, 'SERVICE_UNAVAILABLE', 'ただいま混み合っています。')
          : HttpResponse.json(anApplication({ status: 'DRAFT', resumeAt: 'user' }))
      }),
    )
    const { user, currentPath } = renderApp('/apply/user')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('お申し込みの内容を読み込めませんでした')
    expect(alert).toHaveTextContent('ただいま混み合っています。')

    await user.click(screen.getByRole('button', { name: '再読み込み' }))
    await heading('利用者情報')
    expect(currentPath()).toBe('/apply/user')
  })
})
