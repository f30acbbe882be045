import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { anApplication } from '@kakunin/test-data/applications'
import { API, apiError, currentApplication, PUBLIC_CONFIG } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

const openPrivacy = async () => {
  const app = renderApp('/privacy')
  await screen.findByRole('heading', { level: 1, name: '個人情報の取り扱いについて' })
  return app
}
const section = (name: string) => screen.getByRole('region', { name })

describe('/privacy', () => {
  it('names the operator, the purposes under 犯収法, what is kept for 7 years, the eKYC vendor and how to ask', async () => {
    await openPrivacy()
    expect(within(section('個人情報を取り扱う事業者')).getByRole('link', { name: '株式会社テスト通信' })).toHaveAttribute(
      'href',
      'https://www.test-tsushin.example.jp',
    )
    expect(section('利用目的')).toHaveTextContent('犯罪収益移転防止法（犯罪による収益の移転防止に関する法律）第4条に基づく取引時確認')
    expect(section('利用目的')).toHaveTextContent('Twilio のご利用契約の締結')
    expect(section('利用目的')).toHaveTextContent('お問い合わせにお答えするため')
    expect(section('お預かりする情報')).toHaveTextContent('本人確認書類の画像と記載事項、顔写真（容貌）の画像')
    expect(section('保存期間')).toHaveTextContent('犯罪収益移転防止法第6条に基づき、ご契約が終了した日から7年間')
    expect(section('保存期間')).toHaveTextContent('同法第7条に基づき、取引が行われた日から7年間')
    expect(section('個人情報をお渡しする先')).toHaveTextContent('当社が委託するオンライン本人確認（eKYC）事業者')
    const requests = section('開示・訂正・利用停止などのご請求')
    expect(within(requests).getByRole('link', { name: 'お問い合わせフォーム' })).toHaveAttribute('href', '/inquiry?kind=KYC')
    expect(within(requests).getByRole('link', { name: 'kakunin-support@test-tsushin.example.jp' })).toHaveAttribute(
      'href',
      'mailto:kakunin-support@test-tsushin.example.jp',
    )
    // No policy of the operator's own: this page is the policy.
    expect(screen.queryByRole('region', { name: '当社のプライバシーポリシー' })).not.toBeInTheDocument()
  })

  it('links the operator’s own privacy policy when one is configured', async () => {
    const operator = { ...PUBLIC_CONFIG.operator, privacyPolicyUrl: 'https://www.test-tsushin.example.jp/privacy' }
    server.use(http.get(`${API}/config`, () => HttpResponse.json({ ...PUBLIC_CONFIG, operator })))
    await openPrivacy()
    expect(within(section('当社のプライバシーポリシー')).getByRole('link', { name: '株式会社テスト通信のプライバシーポリシー' })).toHaveAttribute(
      'href',
      'https://www.test-tsushin.example.jp/privacy',
    )
  })

  it('says so, with a retry, when the operator cannot be read', async () => {
    server.use(http.get(`${API}/config`, () => apiError(503, 'SERVICE_UNAVAILABLE', 'データベースに接続できません')))
    const { user } = await openPrivacy()
    expect(screen.getByRole('alert')).toHaveTextContent('運営事業者の情報を読み込めませんでした')
    server.resetHandlers()
    await user.click(screen.getByRole('button', { name: '再読み込み' }))
    expect(await screen.findByRole('region', { name: '利用目的' })).toBeInTheDocument()
  })
})

describe('the privacy summary', () => {
  const summary = () => screen.findByRole('region', { name: '個人情報の取り扱いについて' })

  it('tells who collects the data and why on the entry page, with a link to the notice', async () => {
    server.use(currentApplication(null))
    renderApp('/')
    const box = await summary()
    expect(await within(box).findByText(/株式会社テスト通信が、犯罪収益移転防止法に基づく取引時確認/)).toBeInTheDocument()
    expect(box).toHaveTextContent('委託先の本人確認事業者')
    expect(box).toHaveTextContent('ご契約の終了後7年間保存')
    expect(within(box).getByRole('link', { name: '個人情報の取り扱いについて' })).toHaveAttribute('href', '/privacy')
  })

  it('comes before the buttons that send on 登録情報確認', async () => {
    server.use(currentApplication(anApplication({ status: 'DRAFT', resumeAt: 'confirm' })))
    renderApp('/apply/confirm')
    const box = await summary()
    const send = screen.getByRole('button', { name: '続けて本人確認画像をアップロードする' })
    expect(box.compareDocumentPosition(send) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(within(box).getByRole('link', { name: '個人情報の取り扱いについて' })).toHaveAttribute('href', '/privacy')
  })
})
