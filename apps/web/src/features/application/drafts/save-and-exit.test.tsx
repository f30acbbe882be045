import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { validType } from '@kakunin/test-data/answers'
import { anApplication, withUserAnswered } from '@kakunin/test-data/applications'
import { API, apiError, noApplication } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

const NO_ADDRESS = '「Twilioログイン情報」でメールアドレスを入力すると、下書きのリンクをお送りできます。'

/**
 * The API as 途中保存して終了 uses it: the step save, the draft link (`draftLink` answers it) and
 * the logout, each recorded in the order the SPA sent them, with the logout's content type and body.
 */
function fakeApi(application: ApplicantApplication, draftLink: () => Response = () => HttpResponse.json({ sentTo: 't***@example.com' }, { status: 202 })) {
  const calls: string[] = []
  const logouts: { contentType: string | null; body: string }[] = []
  let loggedOut = false
  server.use(
    http.get(`${API}/applications/current`, () =>
      loggedOut ? noApplication() : HttpResponse.json(application),
    ),
    http.put(`${API}/applications/:id/steps/:step`, ({ params }) => {
      calls.push(`save ${String(params.step)}`)
      return HttpResponse.json({ ...application, version: application.version + 1 })
    }),
    http.put(`${API}/applications/:id/steps/:step/draft`, ({ params }) => {
      calls.push(`draft ${String(params.step)}`)
      return HttpResponse.json({ ...application, version: application.version + 1 })
    }),
    http.post(`${API}/applications/:id/draft-link`, () => {
      calls.push('draft-link')
      return draftLink()
    }),
    http.post(`${API}/session/logout`, async ({ request }) => {
      calls.push('logout')
      logouts.push({ contentType: request.headers.get('content-type'), body: await request.text() })
      loggedOut = true
      return new HttpResponse(null, { status: 204 })
    }),
  )
  return { calls, logouts }
}

const exitButton = () => screen.getByRole('button', { name: '途中保存して終了' })

describe('途中保存して終了 on a step', () => {
  it('saves the screen, sends the link, logs out, and says how to come back', async () => {
    const api = fakeApi(withUserAnswered())
    const { user, currentPath, history } = renderApp('/apply/user')
    await screen.findByRole('heading', { level: 1, name: '利用者情報' })

    await user.click(exitButton())

    const heading = await screen.findByRole('heading', { level: 1, name: '入力内容を保存して終了しました' })
    expect(heading).toHaveFocus()
    expect(api.calls).toEqual(['save user', 'draft-link', 'logout'])
    expect(api.logouts).toEqual([{ contentType: 'application/json', body: '{}' }])
    expect(screen.getByText('ここまでの入力内容は保存されています。')).toBeInTheDocument()
    expect(screen.getByText('t***@example.com').closest('p')).toHaveTextContent(
      't***@example.com に、続きから入力するためのリンクをお送りしました（件名「【取引時確認】入力途中のお申し込みを保存しました」）。',
    )
    expect(screen.getByText(/「この申し込みを続ける」を押してください/)).toBeInTheDocument()
    // Back does not lead to the form this browser can no longer open.
    expect(currentPath()).toBe('/apply/saved')
    expect(history).not.toContain('/apply/user')
  })

  it('on a screen that does not validate, saves its right fields as a draft, and says the rest was not saved', async () => {
    const api = fakeApi(withUserAnswered())
    const { user } = renderApp('/apply/user')
    const kana = await screen.findByLabelText(/^セイ/)
    await user.clear(kana)
    await user.type(kana, 'Yamada')

    await user.click(exitButton())

    await screen.findByRole('heading', { level: 1, name: '入力内容を保存して終了しました' })
    expect(api.calls).toEqual(['draft user', 'draft-link', 'logout'])
    expect(screen.getByText(/修正が必要な項目はまだ保存していません。それ以外の項目と、前の画面までの入力内容は保存されています。/)).toBeInTheDocument()
  })

  it('does not log out when no link can be sent: without it there would be no way back', async () => {
    const api = fakeApi(anApplication({ answers: { type: validType }, resumeAt: 'login' }), () => apiError(409, 'CONFLICT', NO_ADDRESS))
    const { user, currentPath } = renderApp('/apply/type')
    await screen.findByRole('heading', { level: 1, name: 'お申し込み内容の入力' })

    await user.click(exitButton())

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(NO_ADDRESS)
    expect(alert).toHaveTextContent('続きから入力するためのリンクをお送りできないため、終了していません。')
    expect(api.calls).toEqual(['save type', 'draft-link'])
    expect(currentPath()).toBe('/apply/type')
    expect(exitButton()).toBeEnabled()
  })

  it('下書き保存 alone stays on the screen and keeps the session', async () => {
    const api = fakeApi(withUserAnswered())
    const { user, currentPath } = renderApp('/apply/user')
    await screen.findByRole('heading', { level: 1, name: '利用者情報' })

    await user.click(screen.getByRole('button', { name: '下書き保存' }))

    await screen.findByText(/に、続きから入力するためのリンクをお送りしました/)
    expect(api.calls).toEqual(['save user', 'draft-link'])
    expect(currentPath()).toBe('/apply/user')
  })
})
