import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { validLogin, validType, validUser } from '@kakunin/test-data/answers'
import { anApplication, APPLICATION_ID } from '@kakunin/test-data/applications'
import { API, jsonBody } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'
import { backgroundWritesDone } from '#src/features/application/api/own-versions.ts'

const HELD_KEY = `kakunin:draft:${APPLICATION_ID}:user`

/** This session's application and the draft route, recording each draft the SPA sends. */
function fakeApi(application: ApplicantApplication) {
  const drafts: { version: number; values: Record<string, unknown> }[] = []
  let current = application
  server.use(
    http.get(`${API}/applications/current`, () => HttpResponse.json(current)),
    http.put(`${API}/applications/:id/steps/:step/draft`, async ({ request }) => {
      const body = await jsonBody<{ version: number; values: Record<string, unknown> }>(request)
      drafts.push(body)
      current = { ...current, version: body.version + 1, drafts: { user: body.values } }
      return HttpResponse.json(current)
    }),
    http.post(`${API}/applications/:id/draft-link`, () => HttpResponse.json({ sentTo: 't***@example.com' }, { status: 202 })),
  )
  return { drafts }
}

const userScreen = (overrides: Partial<ApplicantApplication> = {}) =>
  anApplication({ answers: { type: validType, login: validLogin }, resumeAt: 'user', ...overrides })

describe('下書き保存 of a screen with a field still wrong', () => {
  it('sends the right fields, keeps the wrong one in this tab, and says exactly what was not saved', async () => {
    const api = fakeApi(userScreen())
    const { user } = renderApp('/apply/user')
    await user.type(await screen.findByLabelText('姓 ※必須'), '山田')
    await user.type(screen.getByLabelText(/^セイ/), 'やまだ')
    await user.type(screen.getByLabelText('年'), '1990')
    await user.type(screen.getByLabelText('月'), '2')
    await user.type(screen.getByLabelText('日'), '30')

    await user.click(screen.getByRole('button', { name: '下書き保存' }))

    expect(
      await screen.findByText('保存しました。次の項目はまだ保存していません：利用者 生年月日（実在する日付を入力してください）'),
    ).toBeInTheDocument()
    // The フリガナ went as the schema folds it; the date, wrong, did not go at all.
    expect(api.drafts).toEqual([expect.objectContaining({ values: { familyName: '山田', familyNameKana: 'ヤマダ' } })])
    expect(JSON.parse(sessionStorage.getItem(HELD_KEY) ?? '{}')).toEqual({ birthDate: { year: '1990', month: '2', day: '30' } })
  })

  it('comes back with the server’s draft fields and this tab’s held ones', async () => {
    sessionStorage.setItem(HELD_KEY, JSON.stringify({ birthDate: { year: '1990', month: '2', day: '30' } }))
    fakeApi(userScreen({ drafts: { user: { familyName: '山田', givenNameKana: 'タロウ' } } }))
    renderApp('/apply/user')

    expect(await screen.findByLabelText('姓 ※必須')).toHaveValue('山田')
    expect(screen.getByLabelText(/^メイ/)).toHaveValue('タロウ')
    expect(screen.getByLabelText('日')).toHaveValue('30')
    expect(screen.getByLabelText('月')).toHaveValue('2')
  })

  it('forgets what this tab held once the step is saved whole', async () => {
    sessionStorage.setItem(HELD_KEY, JSON.stringify({ givenName: '太郎' }))
    const application = userScreen({ answers: { type: validType, login: validLogin, user: validUser } })
    fakeApi(application)
    server.use(http.put(`${API}/applications/:id/steps/user`, () => HttpResponse.json({ ...application, version: application.version + 1 })))
    const { user } = renderApp('/apply/user')
    await screen.findByLabelText('姓 ※必須')

    await user.click(screen.getByRole('button', { name: '次へ' }))

    await screen.findByRole('heading', { level: 1, name: '内容・目的' })
    expect(sessionStorage.getItem(HELD_KEY)).toBeNull()
  })
})

describe('leaving a screen by another link', () => {
  it('saves the right fields as a draft, keeps the wrong one in this tab, and says on return what is not saved', async () => {
    const api = fakeApi(userScreen({ version: 4 }))
    const first = renderApp('/apply/user')
    await first.user.type(await screen.findByLabelText('姓 ※必須'), '山田')
    await first.user.type(screen.getByLabelText('年'), '1990')
    await first.user.type(screen.getByLabelText('月'), '2')
    await first.user.type(screen.getByLabelText('日'), '30')

    await first.user.click(within(screen.getByRole('contentinfo')).getByRole('link', { name: '個人情報の取り扱いについて' }))
    await screen.findByRole('heading', { level: 1, name: '個人情報の取り扱いについて' })
    await backgroundWritesDone()
    expect(api.drafts).toEqual([expect.objectContaining({ version: 4, values: { familyName: '山田' } })])
    expect(JSON.parse(sessionStorage.getItem(HELD_KEY) ?? '{}')).toEqual({ birthDate: { year: '1990', month: '2', day: '30' } })
    first.unmount()

    renderApp('/apply/user')
    expect(await screen.findByLabelText('姓 ※必須')).toHaveValue('山田')
    expect(screen.getByLabelText('日')).toHaveValue('30')
    expect(await screen.findByTestId('restored-notice')).toHaveTextContent(
      '次の項目はまだ保存していません：利用者 生年月日（実在する日付を入力してください）',
    )
  })

  it('sends nothing when nothing was typed', async () => {
    const api = fakeApi(userScreen())
    const { user } = renderApp('/apply/user')
    await screen.findByLabelText('姓 ※必須')
    await user.click(within(screen.getByRole('contentinfo')).getByRole('link', { name: '個人情報の取り扱いについて' }))
    await screen.findByRole('heading', { level: 1, name: '個人情報の取り扱いについて' })
    await backgroundWritesDone()
    expect(api.drafts).toEqual([])
    expect(sessionStorage.getItem(HELD_KEY)).toBeNull()
  })
})
