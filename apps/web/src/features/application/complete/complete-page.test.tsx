import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { anApplication } from '@kakunin/test-data/applications'
import { API } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

const IN_REVIEW = anApplication({ status: 'IN_REVIEW', resumeAt: 'confirm', submittedAt: '2026-12-01T01:10:00.000Z' })
const DENIAL = { fields: ['user.familyName'], hints: ['氏名の字体が本人確認書類と異なります'] }

/** The application as the API answers it now; each read is recorded with whether it was marked a poll. */
function fakeApi(application: ApplicantApplication) {
  const state = { application, polls: [] as (string | null)[] }
  server.use(
    http.get(`${API}/applications/current`, ({ request }) => {
      state.polls.push(request.headers.get('x-kakunin-poll'))
      return HttpResponse.json(state.application)
    }),
  )
  return state
}

async function openComplete() {
  const app = renderApp('/apply/complete')
  await screen.findByRole('heading', { level: 1, name: 'お申し込み完了' })
  return app
}

const reviewRegion = () => {
  const region = screen.getAllByRole('status').find((candidate) => candidate.classList.contains('review-status'))
  if (!region) throw new Error('no review-status region on the page')
  return region
}

describe('CompletePage', () => {
  it('while in review, says so (確認中) with the 受付番号', async () => {
    fakeApi(IN_REVIEW)
    await openComplete()
    expect(screen.getByTestId('reference')).toHaveTextContent('KYC-20261201-0001')
    expect(within(reviewRegion()).getByText(/ご提出いただいた本人確認書類とお申し込みの内容を確認しています/)).toBeInTheDocument()
  })

  it('follows the review to its approval, in place, its polls marked as such', async () => {
    const api = fakeApi(IN_REVIEW)
    const { currentPath } = await openComplete()
    api.application = { ...IN_REVIEW, status: 'APPROVED' }

    expect(await within(reviewRegion()).findByText(/お申し込みは承認されました/, {}, { timeout: 5000 })).toBeInTheDocument()
    expect(currentPath()).toBe('/apply/complete')
    expect(api.polls[0]).toBeNull()
    expect(api.polls.at(-1)).toBe('1')
  })

  it('shows a denial in place, and goes to the confirmation screen only on 内容を修正する', async () => {
    const api = fakeApi(IN_REVIEW)
    const { user, currentPath } = await openComplete()
    api.application = { ...IN_REVIEW, status: 'DENIED', denial: DENIAL }

    const region = reviewRegion()
    expect(await within(region).findByText('審査の結果、お申し込みを承認できませんでした。', {}, { timeout: 5000 })).toBeInTheDocument()
    expect(within(region).getByText('氏名の字体が本人確認書類と異なります')).toBeInTheDocument()
    expect(screen.queryByRole('heading', { level: 2, name: '今後の流れ' })).not.toBeInTheDocument()
    expect(currentPath()).toBe('/apply/complete')

    await user.click(screen.getByRole('button', { name: '内容を修正する' }))

    await screen.findByRole('heading', { level: 1, name: '登録情報確認' })
    expect(currentPath()).toBe('/apply/confirm')
  })

  it('shows a link (2回目以降) the owner did not confirm as denied, in place', async () => {
    fakeApi(
      anApplication({
        flow: 'LINK_VERIFIED',
        status: 'DENIED',
        resumeAt: 'confirm',
        submittedAt: '2026-12-01T01:10:00.000Z',
        denial: { fields: ['login.verifiedAccountSid'], hints: ['取引時確認済みのアカウントの所有者による確認が、期限までに行われませんでした。'] },
        ownerConfirmation: { sentTo: 'o***@example.com', expiresAt: '2026-12-04T01:10:00.000Z', status: 'EXPIRED' },
      }),
    )
    await openComplete()
    const region = reviewRegion()
    expect(within(region).getByText('新しいAccount SIDを紐付けできませんでした。')).toBeInTheDocument()
    expect(within(region).getByText(/期限までに行われませんでした/)).toBeInTheDocument()
    expect(within(region).getByRole('button', { name: '内容を修正する' })).toBeInTheDocument()
  })
})
