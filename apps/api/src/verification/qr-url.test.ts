import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { buildTestApp } from '#src/test/test-app.ts'

async function qrUrl(app: App, host: string) {
  const browser = await applicantBrowser(app)
  await browser.submitComplete()
  const response = await app.inject({ method: 'POST', url: `/api/applications/${browser.id}/verifications`, headers: { ...browser.headers, host }, payload: {} })
  expect(response.statusCode).toBe(201)
  return response.json().url as string
}

// Anyone can send a Host header: a QR URL built from it would send the applicant's phone, token
// and all, to whatever the sender chose.
describe("the QR code's URL", () => {
  describe('with PUBLIC_BASE_URL', () => {
    let app: App
    beforeAll(async () => {
      app = await buildTestApp({ env: { PUBLIC_BASE_URL: 'https://kakunin.example.jp/' } })
    })
    afterAll(() => app.close())

    it('is on the configured origin, whatever the Host', async () => {
      expect(await qrUrl(app, 'attacker.example')).toMatch(/^https:\/\/kakunin\.example\.jp\/m\/verify\/[A-Za-z0-9_-]{43}$/)
    })
  })

  describe('without it, in development and test', () => {
    let app: App
    beforeAll(async () => {
      app = await buildTestApp({ env: { PORT: '4321' } })
    })
    afterAll(() => app.close())

    it('is on this machine, never on the request Host', async () => {
      const url = await qrUrl(app, 'attacker.example:8443')
      expect(url).toMatch(/^http:\/\/localhost:4321\/m\/verify\//)
      expect(url).not.toContain('attacker')
    })
  })
})
