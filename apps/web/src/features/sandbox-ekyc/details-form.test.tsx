import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { SandboxDetails, SandboxSessionView } from '@kakunin/schema/sandbox-ekyc'
import { API, jsonBody } from '#src/testing/handlers.ts'
import { aSandboxSession } from '@kakunin/test-data/sandbox-sessions'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

const TOKEN = 'phone-token'

/** A session with every photo in, so the phone opens at the details; what 送信 sent. */
function fakeApi(session: Partial<SandboxSessionView> = {}) {
  const state = {
    session: aSandboxSession({ uploaded: ['front', 'back', 'selfie'], ...session }),
    sent: [] as SandboxDetails[],
  }
  server.use(
    http.get(`${API}/sandbox-ekyc/sessions/:token`, () => HttpResponse.json(state.session)),
    http.post(`${API}/sandbox-ekyc/sessions/:token/complete`, async ({ request }) => {
      state.sent.push(await jsonBody<SandboxDetails>(request))
      state.session = { ...state.session, status: 'SUBMITTED' }
      return new HttpResponse(null, { status: 204 })
    }),
  )
  return state
}

async function openDetails() {
  const app = renderApp(`/m/verify/${TOKEN}`)
  await screen.findByRole('heading', { level: 1, name: '本人確認書類の記載内容を入力する' })
  return app
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`))

async function fillPerson(user: Awaited<ReturnType<typeof openDetails>>['user']) {
  await user.type(field('姓'), '山田')
  await user.type(field('名'), '花子')
  await user.type(screen.getByLabelText('年'), '1965')
  await user.type(screen.getByLabelText('月'), '7')
  await user.type(screen.getByLabelText('日'), '20')
  await user.type(field('住所'), '東京都渋谷区渋谷2丁目21番1号')
}

describe('DetailsForm (sandbox phone)', () => {
  it('takes the document’s 記号番号, expiry and issuer, each optional, and sends them', async () => {
    const api = fakeApi()
    const { user } = await openDetails()
    for (const label of ['記号番号', '有効期限', '発行者']) expect(field(label)).toHaveAccessibleName(new RegExp(`^${label}\\s*※任意`))
    await fillPerson(user)
    await user.type(field('記号番号'), 'TK1234567')
    await user.type(field('有効期限'), '2031-04-01')
    await user.type(field('発行者'), '外務省')
    await user.click(screen.getByRole('button', { name: '送信' }))

    await screen.findByText(/本人確認の送信が完了しました/)
    expect(api.sent).toEqual([
      {
        familyName: '山田',
        givenName: '花子',
        birthDate: { year: '1965', month: '7', day: '20' },
        address: '東京都渋谷区渋谷2丁目21番1号',
        documentNumber: 'TK1234567',
        expiresOn: '2031-04-01',
        issuer: '外務省',
      },
    ])
  })

  it('refuses a 個人番号 (12 digits ending in their check digit) and an expiry not written YYYY-MM-DD, on the fields and in the summary', async () => {
    // A passport's number is never 12 digits; a licence's would often pass the check digit.
    const api = fakeApi({ documentType: 'passport', uploaded: ['front', 'selfie'] })
    const { user } = await openDetails()
    await fillPerson(user)
    await user.type(field('記号番号'), '1234 5678 9018')
    await user.type(field('有効期限'), '2031年4月1日')
    await user.click(screen.getByRole('button', { name: '送信' }))

    expect(await screen.findByRole('link', { name: '個人番号（マイナンバー）は入力しないでください' })).toBeInTheDocument()
    expect(field('記号番号')).toHaveAttribute('aria-invalid', 'true')
    expect(field('記号番号')).toHaveAccessibleDescription(/個人番号（マイナンバー）は入力しないでください/)
    expect(field('有効期限')).toHaveAccessibleDescription(/有効期限は YYYY-MM-DD の形で、実在する日付を入力してください/)
    expect(api.sent).toEqual([])
  })

  it('for a マイナンバーカード, asks no number and says the 個人番号 is not taken', async () => {
    const api = fakeApi({ documentType: 'my_number_card' })
    const { user } = await openDetails()
    expect(screen.queryByLabelText(/^記号番号/)).not.toBeInTheDocument()
    expect(screen.getByText('マイナンバーカードの個人番号（マイナンバー）はお預かりしません。番号の入力は不要です。')).toBeInTheDocument()
    await fillPerson(user)
    await user.click(screen.getByRole('button', { name: '送信' }))

    await screen.findByText(/本人確認の送信が完了しました/)
    expect(api.sent).toHaveLength(1)
    expect(api.sent[0]).not.toHaveProperty('documentNumber')
    expect(api.sent[0]).toMatchObject({ familyName: '山田', expiresOn: '', issuer: '' })
  })
})
