import { describe, expect, it } from 'vitest'
import { buildTestApp } from '#src/test/test-app.ts'

describe('GET /api/config', () => {
  it('tells the SPA the domain mail comes from and the operator, and nothing else', async () => {
    const app = await buildTestApp({
      env: {
        MAIL_FROM_ADDRESS: 'no-reply@mail.kakunin.example.jp',
        OPERATOR_NAME: '株式会社本番通信',
        OPERATOR_URL: 'https://www.honban.example.jp',
        SUPPORT_EMAIL: 'kakunin-support@honban.example.jp',
        PRIVACY_POLICY_URL: 'https://www.honban.example.jp/privacy',
      },
    })
    const response = await app.inject({ url: '/api/config' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      mailDomain: 'mail.kakunin.example.jp',
      operator: {
        name: '株式会社本番通信',
        url: 'https://www.honban.example.jp',
        supportEmail: 'kakunin-support@honban.example.jp',
        privacyPolicyUrl: 'https://www.honban.example.jp/privacy',
      },
    })
    await app.close()
  })

  it('names the example operator, and no policy of its own, when none is configured', async () => {
    const app = await buildTestApp()
    const response = await app.inject({ url: '/api/config' })
    expect(response.json().operator).toEqual({
      name: '（例）株式会社サンプル通信',
      url: 'https://example.com',
      supportEmail: 'support@example.com',
      privacyPolicyUrl: null,
    })
    await app.close()
  })
})
