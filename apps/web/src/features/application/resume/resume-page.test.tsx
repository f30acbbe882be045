import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { resumeLinkPreview, type ResumeLinkPreview } from '@kakunin/schema/resume-link'
import { anApplication } from '@kakunin/test-data/applications'
import { API, apiError, noApplication } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

const TOKEN = 'resume-token-0123456789'
const INVALID = 'このリンクは無効か、有効期限が切れているか、すでに使用されています。新しいリンクをお送りすることができます。'
const aPreview = (overrides: Partial<ResumeLinkPreview> = {}) =>
  resumeLinkPreview.parse({ sentTo: 't***@example.com', reference: 'KYC-20261201-0001', status: 'DRAFT', ...overrides })

/**
 * The resume routes: the preview (GET) answering `preview`, and the redemption (POST) recorded,
 * after which this browser's application is `application`.
 */
function fakeApi(preview: Response | ResumeLinkPreview, redeem: () => Response = () => HttpResponse.json({ status: 'DRAFT', resumeAt: 'user' })) {
  const calls = { previews: 0, redeems: 0 }
  let redeemed = false
  server.use(
    http.get(`${API}/resume/:token`, ({ params }) => {
      expect(params.token).toBe(TOKEN)
      calls.previews++
      return preview instanceof Response ? preview.clone() : HttpResponse.json(preview)
    }),
    http.post(`${API}/resume/:token`, () => {
      calls.redeems++
      const response = redeem()
      redeemed = response.ok
      return response
    }),
    http.get(`${API}/applications/current`, () =>
      redeemed ? HttpResponse.json(anApplication({ resumeAt: 'user' })) : noApplication(),
    ),
  )
  return calls
}

describe('the resume page (/resume/:token)', () => {
  it('first shows whose application the link continues, without using the link', async () => {
    const calls = fakeApi(aPreview({ status: 'DENIED' }))
    renderApp(`/resume/${TOKEN}`)

    await screen.findByRole('heading', { level: 1, name: 'お申し込みの続き' })
    const rows = screen.getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent])
    expect(rows).toEqual([
      ['受付番号', 'KYC-20261201-0001'],
      ['Twilioコンソールログイン用メールアドレス', 't***@example.com'],
      ['お申し込みの状況', '審査の結果、入力内容の修正をお待ちしています'],
    ])
    expect(screen.getByText(/お心当たりのないお申し込みの場合は、続けずにこのページを閉じてください/)).toBeInTheDocument()
    expect(calls).toEqual({ previews: 1, redeems: 0 })
  })

  it('この申し込みを続ける uses the link and lands where the application continues, the link out of the history', async () => {
    const calls = fakeApi(aPreview())
    const { user, currentPath, history } = renderApp(`/resume/${TOKEN}`)

    await user.click(await screen.findByRole('button', { name: 'この申し込みを続ける' }))

    await screen.findByRole('heading', { level: 1, name: '利用者情報' })
    expect(currentPath()).toBe('/apply/user')
    expect(history).not.toContain(`/resume/${TOKEN}`)
    expect(calls.redeems).toBe(1)
  })

  it('a link that no longer works shows the neutral page at once, offering a new one', async () => {
    const calls = fakeApi(apiError(404, 'NOT_FOUND', INVALID))
    renderApp(`/resume/${TOKEN}`)

    await screen.findByRole('heading', { level: 1, name: 'このリンクはご利用いただけません' })
    expect(screen.getByText(INVALID)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '新しいリンクを送る' })).toBeEnabled()
    expect(screen.queryByRole('button', { name: 'この申し込みを続ける' })).not.toBeInTheDocument()
    expect(calls.redeems).toBe(0)
  })

  it('a link used up between the preview and the click shows the same neutral page', async () => {
    fakeApi(aPreview(), () => apiError(404, 'NOT_FOUND', INVALID))
    const { user, currentPath } = renderApp(`/resume/${TOKEN}`)

    await user.click(await screen.findByRole('button', { name: 'この申し込みを続ける' }))

    await screen.findByRole('heading', { level: 1, name: 'このリンクはご利用いただけません' })
    expect(currentPath()).toBe(`/resume/${TOKEN}`)
  })

  it('a preview that could not be read offers to try again', async () => {
    let failures = 1
    server.use(
      http.get(`${API}/resume/:token`, () =>
        failures-- > 0 ? apiError(503, 'SERVICE_UNAVAILABLE', 'ただいま混み合っています。') : HttpResponse.json(aPreview()),
      ),
    )
    const { user } = renderApp(`/resume/${TOKEN}`)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('ただいま混み合っています。')
    await user.click(within(alert).getByRole('button', { name: '再読み込み' }))

    expect(await screen.findByRole('button', { name: 'この申し込みを続ける' })).toBeEnabled()
  })
})
