import { describe, expect, it } from 'vitest'
import { loadConfig } from '#src/config/config.ts'
import { buildProductionApp } from '#src/test/production-app.ts'
import { productionEnv } from '#src/test/production-env.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { mailboxEnabled } from './mailbox-routes.ts'

// Its resume links open other applicants' applications: the mailbox is for machines whose mail
// goes nowhere else.

describe('the development mailbox', () => {
  it('is served in test and development without an SMTP server', async () => {
    expect(mailboxEnabled(loadConfig({}))).toBe(true)
    const app = await buildTestApp()
    try {
      expect((await app.inject({ url: '/api/dev/mailbox' })).statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })

  it('is not served once SMTP_URL is set, in development or test', async () => {
    expect(mailboxEnabled(loadConfig({ SMTP_URL: 'smtp://mail.example.jp:587' }))).toBe(false)
    const app = await buildTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:9' } })
    try {
      for (const url of ['/api/dev/mailbox', '/api/dev/mailbox?to=a%40example.jp', '/api/dev/mailbox/00000000-0000-4000-8000-000000000000']) {
        const response = await app.inject({ url })
        expect(response.statusCode, url).toBe(404)
        expect(response.json().error.code).toBe('NOT_FOUND')
      }
    } finally {
      await app.close()
    }
  })

  it('is not served in production', async () => {
    expect(mailboxEnabled(loadConfig(productionEnv))).toBe(false)
    const app = await buildProductionApp()
    try {
      expect((await app.inject({ url: '/api/dev/mailbox' })).statusCode).toBe(404)
    } finally {
      await app.close()
    }
  })
})
