import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { STALE_VERSION_MESSAGE, type ApplicantApplication } from '@kakunin/schema/application'
import { validLogin, validType, validUser } from '@kakunin/test-data/answers'
import { loginStep } from '@kakunin/schema/form/login-step'
import type { ResumePoint, StepId } from '@kakunin/schema/form/steps'
import { userStep } from '@kakunin/schema/form/user-step'
import { anApplication, APPLICATION_ID, withUserAnswered } from '@kakunin/test-data/applications'
import { API, apiError, jsonBody } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

interface SaveRequest {
  id: string
  step: string
  body: { version: number; values: unknown; resumeAt: ResumePoint }
}

/**
 * The API as far as a step needs it: this session's application, and `PUT .../steps/:step`
 * answering with `answer` (by default a save that bumps the version and moves the resume point).
 * Every save the SPA sends is recorded, and so is each draft (a screen left with a field wrong saves
 * the rest as one).
 */
function fakeApi(application: ApplicantApplication, answer?: (request: SaveRequest) => Response) {
  const state = { application, saves: [] as SaveRequest[], drafts: [] as SaveRequest[] }
  server.use(
    http.get(`${API}/applications/current`, () => HttpResponse.json(state.application)),
    http.put(`${API}/applications/:id/steps/:step/draft`, async ({ request, params }) => {
      const draft: SaveRequest = { id: String(params.id), step: String(params.step), body: await jsonBody(request) }
      state.drafts.push(draft)
      state.application = { ...state.application, version: draft.body.version + 1, drafts: { [draft.step]: draft.body.values } }
      return HttpResponse.json(state.application)
    }),
    http.put(`${API}/applications/:id/steps/:step`, async ({ request, params }) => {
      const save: SaveRequest = { id: String(params.id), step: String(params.step), body: await jsonBody(request) }
      state.saves.push(save)
      if (answer) return answer(save)
      const { version, values, resumeAt } = save.body
      state.application = {
        ...state.application,
        version: version + 1,
        resumeAt,
        answers: { ...state.application.answers, [save.step as StepId]: values },
      }
      return HttpResponse.json(state.application)
    }),
  )
  return state
}

const heading = (name: string) => screen.findByRole('heading', { level: 1, name })
const summary = () => screen.findByRole('alert', { name: '入力内容に問題があります' })

describe('a step (利用者情報)', () => {
  it('saves the values with the version they were read at on 次へ, then opens the next step', async () => {
    const api = fakeApi(withUserAnswered({ version: 3 }))
    const { user, currentPath } = renderApp('/apply/user')
    await heading('利用者情報')
    expect(screen.getByLabelText('姓 ※必須')).toHaveValue('山田')

    await user.click(screen.getByRole('button', { name: '次へ' }))

    await heading('内容・目的')
    expect(currentPath()).toBe('/apply/purpose')
    expect(api.saves).toEqual([
      { id: APPLICATION_ID, step: 'user', body: { version: 3, values: userStep.parse(validUser), resumeAt: 'purpose' } },
    ])
  })

  it('sends what the person typed, as the step schema parsed it', async () => {
    const api = fakeApi(withUserAnswered())
    const { user } = renderApp('/apply/user')
    const familyName = await screen.findByLabelText('姓 ※必須')
    await user.clear(familyName)
    await user.type(familyName, '佐藤')
    await user.clear(screen.getByLabelText('郵便番号 ※必須'))
    await user.type(screen.getByLabelText('郵便番号 ※必須'), '１５００００２')

    await user.click(screen.getByRole('button', { name: '次へ' }))

    await heading('内容・目的')
    expect(api.saves[0]?.body.values).toMatchObject({ familyName: '佐藤', address: { postalCode: '150-0002' } })
  })

  it('shows a field error of a 400 beside its field and in the error summary, and stays', async () => {
    const message = '姓に使用できない文字が含まれています'
    fakeApi(withUserAnswered(), () =>
      apiError(400, 'VALIDATION_FAILED', '入力内容に誤りがあります。', { 'values.familyName': message }),
    )
    const { user, currentPath } = renderApp('/apply/user')
    await heading('利用者情報')

    await user.click(screen.getByRole('button', { name: '次へ' }))

    const errors = await summary()
    expect(errors).toHaveFocus()
    const link = within(errors).getByRole('link', { name: message })
    expect(link).toHaveAttribute('href', '#familyName')
    // The general message adds nothing when every error has its field.
    expect(errors).not.toHaveTextContent('入力内容に誤りがあります。')

    const field = screen.getByLabelText('姓 ※必須')
    expect(field).toBeInvalid()
    expect(field).toHaveAccessibleDescription(`エラー： ${message}`)
    expect(currentPath()).toBe('/apply/user')

    await user.click(link)
    expect(field).toHaveFocus()
  })

  it('tells apart two fields the API refused with the same message, by their labels', async () => {
    const message = '使用できない文字が含まれています'
    fakeApi(withUserAnswered(), () =>
      apiError(400, 'VALIDATION_FAILED', '入力内容に誤りがあります。', {
        'values.address.town': message,
        'values.address.city': message,
      }),
    )
    const { user } = renderApp('/apply/user')
    await heading('利用者情報')

    await user.click(screen.getByRole('button', { name: '次へ' }))

    const links = within(await summary()).getAllByRole('link')
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      [`市区町村：${message}`, '#address-city'],
      [`町域・番地：${message}`, '#address-town'],
    ])
    expect(screen.getByLabelText('市区町村 ※必須')).toHaveAccessibleDescription(`例：渋谷区 エラー： ${message}`)
  })

  it('shows a refusal that is not about a field in the error summary, linking to 次へ', async () => {
    fakeApi(withUserAnswered(), () => apiError(500, 'INTERNAL_ERROR', 'エラーが発生しました。時間をおいてお試しください。'))
    const { user } = renderApp('/apply/user')
    await heading('利用者情報')

    await user.click(screen.getByRole('button', { name: '次へ' }))

    const link = within(await summary()).getByRole('link', { name: 'エラーが発生しました。時間をおいてお試しください。' })
    expect(link).toHaveAttribute('href', '#submit')
  })

  it('shows the conflict notice on a 409, and 再読み込み starts again from the latest answers', async () => {
    const api = fakeApi(withUserAnswered({ version: 3 }), () => apiError(409, 'CONFLICT', STALE_VERSION_MESSAGE))
    const { user, currentPath } = renderApp('/apply/user')
    await heading('利用者情報')

    await user.click(screen.getByRole('button', { name: '次へ' }))

    const notice = await screen.findByRole('alert')
    expect(notice).toHaveTextContent(STALE_VERSION_MESSAGE)
    expect(notice).toHaveFocus()
    expect(screen.queryByRole('alert', { name: '入力内容に問題があります' })).not.toBeInTheDocument()
    expect(currentPath()).toBe('/apply/user')

    // Meanwhile, another tab saved this step.
    api.application = withUserAnswered({ version: 5, answers: { type: validType, login: validLogin, user: { ...validUser, familyName: '鈴木' } } })
    await user.click(within(notice).getByRole('button', { name: '再読み込み' }))

    await screen.findByDisplayValue('鈴木')
    expect(screen.queryByText(STALE_VERSION_MESSAGE)).not.toBeInTheDocument()
  })

  it('does not save what the step schema refuses: the errors show on the fields and in the summary', async () => {
    const api = fakeApi(withUserAnswered())
    const { user } = renderApp('/apply/user')
    await user.clear(await screen.findByLabelText('姓 ※必須'))
    await user.clear(screen.getByLabelText('市区町村 ※必須'))
    await user.clear(screen.getByLabelText('町域・番地 ※必須'))

    await user.click(screen.getByRole('button', { name: '次へ' }))

    const errors = await summary()
    expect(errors).toHaveFocus()
    // In the order of the fields on the page.
    expect(within(errors).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['姓を入力してください', '#familyName'],
      ['市区町村を入力してください', '#address-city'],
      ['町域・番地を入力してください', '#address-town'],
    ])
    expect(screen.getByLabelText('姓 ※必須')).toBeInvalid()
    expect(api.saves).toEqual([])
  })

  it('opened from the confirmation screen, goes straight back there', async () => {
    const api = fakeApi(withUserAnswered({ resumeAt: 'confirm' }))
    const { user, currentPath } = renderApp('/apply/user?from=confirm')
    await heading('利用者情報')
    expect(screen.getByRole('link', { name: '確認画面に戻る' })).toHaveAttribute('href', '/apply/confirm')

    await user.click(screen.getByRole('button', { name: '確認画面へ' }))

    await heading('登録情報確認')
    expect(currentPath()).toBe('/apply/confirm')
    expect(api.saves[0]?.body.resumeAt).toBe('confirm')
  })
})

describe('a step (Twilioログイン情報)', () => {
  it('2回目以降: the last step saves what was typed and opens the confirmation screen', async () => {
    const application = anApplication({ flow: 'LINK_VERIFIED', version: 1, answers: { type: validType }, resumeAt: 'login' })
    const api = fakeApi(application)
    const { user, currentPath } = renderApp('/apply/login')
    await heading('Twilioログイン情報')
    expect(screen.getByText('ステップ 2 / 2')).toBeInTheDocument()

    await user.type(screen.getByLabelText(/新しいAccount SID/), validLogin.accountSid)
    await user.type(screen.getByLabelText(/取引時確認済みのAccount SID/), 'ACfedcba9876543210fedcba9876543210')
    await user.type(screen.getByLabelText(/Twilioコンソールログイン用メールアドレス/), validLogin.loginEmail)
    await user.type(screen.getByLabelText(/連絡用メールアドレス/), validLogin.contactEmail)
    await user.click(screen.getByRole('button', { name: '確認画面へ' }))

    await heading('登録情報確認')
    expect(currentPath()).toBe('/apply/confirm')
    expect(api.saves).toEqual([
      {
        id: APPLICATION_ID,
        step: 'login',
        body: {
          version: 1,
          values: loginStep.parse({ ...validLogin, verifiedAccountSid: 'ACfedcba9876543210fedcba9876543210' }),
          resumeAt: 'confirm',
        },
      },
    ])
  })

  it('shows where the API refused an answer (an Account SID already registered)', async () => {
    const message = 'このAccount SIDは、すでに別のお申し込みで登録されています'
    fakeApi(anApplication({ answers: { type: validType, login: validLogin }, resumeAt: 'login' }), () =>
      apiError(400, 'VALIDATION_FAILED', '入力内容に誤りがあります。', { 'values.accountSid': message }),
    )
    const { user } = renderApp('/apply/login')
    await heading('Twilioログイン情報')

    await user.click(screen.getByRole('button', { name: '次へ' }))

    expect(within(await summary()).getByRole('link', { name: message })).toHaveAttribute('href', '#accountSid')
    expect(screen.getByLabelText(/新しいAccount SID/)).toHaveAccessibleDescription(expect.stringContaining(message))
  })
})
