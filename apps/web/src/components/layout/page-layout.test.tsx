import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { API, apiError, PUBLIC_CONFIG } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

const footer = () => screen.getByRole('contentinfo')

describe('every page’s footer', () => {
  it('names the operator, where to write, and links 個人情報の取り扱いについて', async () => {
    renderApp('/help')
    await screen.findByRole('heading', { level: 1, name: '認証が通らない時のチェック項目' })
    const operator = await within(footer()).findByRole('link', { name: '株式会社テスト通信' })
    expect(operator).toHaveAttribute('href', 'https://www.test-tsushin.example.jp')
    expect(within(footer()).getByRole('link', { name: 'kakunin-support@test-tsushin.example.jp' })).toHaveAttribute(
      'href',
      'mailto:kakunin-support@test-tsushin.example.jp',
    )
    expect(within(footer()).getByRole('link', { name: 'お問い合わせ' })).toHaveAttribute('href', '/inquiry')
    expect(within(footer()).getByRole('link', { name: '個人情報の取り扱いについて' })).toHaveAttribute('href', '/privacy')
  })

  it('names the operator on the sandbox phone app too', async () => {
    server.use(http.get(`${API}/sandbox-ekyc/sessions/:token`, () => apiError(404, 'NOT_FOUND', 'QRコードが見つかりません。')))
    renderApp('/m/verify/unknown-token')
    await screen.findByRole('contentinfo')
    expect(await within(footer()).findByRole('link', { name: '株式会社テスト通信' })).toBeInTheDocument()
    expect(within(footer()).getByRole('link', { name: '個人情報の取り扱いについて' })).toHaveAttribute('href', '/privacy')
  })

  it('keeps its operator lines, without names, until the configuration arrives', async () => {
    let answer: (value: Response) => void = () => {}
    server.use(http.get(`${API}/config`, () => new Promise<Response>((resolve) => (answer = resolve))))
    renderApp('/help')
    await screen.findByRole('heading', { level: 1, name: '認証が通らない時のチェック項目' })
    expect(within(footer()).getByText('運営事業者：')).toBeInTheDocument()
    expect(within(footer()).queryByRole('link', { name: '株式会社テスト通信' })).not.toBeInTheDocument()
    answer(HttpResponse.json(PUBLIC_CONFIG))
    expect(await within(footer()).findByRole('link', { name: '株式会社テスト通信' })).toBeInTheDocument()
  })
})
