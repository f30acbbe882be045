import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { loadConfig } from '#src/config/config.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { buildProductionApp } from '#src/test/production-app.ts'
import { productionEnv } from '#src/test/production-env.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { swaggerUiInlineStyles } from './openapi.ts'
import { API_CONTENT_SECURITY_POLICY, unroutedSecurityHeaders } from './security-headers.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('headers on API responses', () => {
  it('an application (personal data): no-store and the deny-all CSP', async () => {
    const browser = await applicantBrowser(app)
    await browser.saveAll()
    const response = await browser.send('GET', '/api/applications/current')
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers['content-security-policy']).toBe(API_CONTENT_SECURITY_POLICY)
    expect(response.headers['x-frame-options']).toBe('DENY')
  })

  it('errors and unknown routes: the same', async () => {
    for (const response of [
      await app.inject({ url: '/api/applications/not-a-uuid' }),
      await app.inject({ url: '/api/nothing-here' }),
      await app.inject({ method: 'POST', url: '/api/applications', payload: { flow: 'NONE' } }),
    ]) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400)
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.headers['content-security-policy']).toBe(API_CONTENT_SECURITY_POLICY)
    }
  })

  it('the headers written before routing are the ones helmet writes after it', async () => {
    const routed = await app.inject({ url: '/api/health' })
    for (const [name, value] of Object.entries(unroutedSecurityHeaders(false))) expect(routed.headers[name], name).toBe(value)
  })

  it('HSTS in production only, the same routed and unrouted', async () => {
    expect((await app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined()
    const production = await buildProductionApp()
    try {
      const routed = await production.inject({ url: '/api/health' })
      expect(routed.headers['strict-transport-security']).toBe(unroutedSecurityHeaders(true)['strict-transport-security'])
    } finally {
      await production.close()
    }
  })
})

describe('Swagger UI and the OpenAPI document', () => {
  it('have their own CSP: scripts and styles from here, no inline code, no framing', async () => {
    for (const url of ['/docs/', '/docs/static/swagger-initializer.js', '/docs/json']) {
      const response = await app.inject({ url })
      expect(response.statusCode, url).toBe(200)
      const policy = String(response.headers['content-security-policy'])
      expect(policy).toContain("script-src 'self'")
      expect(policy).toContain("style-src 'self'")
      expect(policy).toContain("frame-ancestors 'none'")
      expect(policy).not.toContain('unsafe')
    }
  })

  it("allow the Swagger logo's inline <style> by its hash, found in the installed bundle", async () => {
    const styles = swaggerUiInlineStyles()
    expect(styles).toContainEqual(expect.stringContaining('.logo_small_svg__cls-2{fill:#fff}'))
    const logo = `'sha256-${createHash('sha256').update(styles[0] ?? '').digest('base64')}'`
    expect(String((await app.inject({ url: '/docs/' })).headers['content-security-policy'])).toContain(`style-src 'self' ${logo}`)
  })

  it('load no script inline and ask no outside validator', async () => {
    const page = await app.inject({ url: '/docs/' })
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/)
    const initializer = await app.inject({ url: '/docs/static/swagger-initializer.js' })
    expect(initializer.body).toMatch(/validatorUrl["']?:\s*null/)
  })

  it('are off with DOCS_ENABLED=false', async () => {
    const off = await buildTestApp({ env: { DOCS_ENABLED: 'false' } })
    try {
      for (const url of ['/docs', '/docs/', '/docs/json', '/docs/static/swagger-ui-bundle.js']) {
        expect((await off.inject({ url })).statusCode, url).toBe(404)
      }
    } finally {
      await off.close()
    }
  })

  it('are off in production unless DOCS_ENABLED is set', async () => {
    expect(loadConfig(productionEnv).DOCS_ENABLED).toBe(false)
    expect(loadConfig({ ...productionEnv, DOCS_ENABLED: 'true' }).DOCS_ENABLED).toBe(true)
    expect(loadConfig({ NODE_ENV: 'test' }).DOCS_ENABLED).toBe(true)
    const production = await buildProductionApp()
    try {
      expect((await production.inject({ url: '/docs/json' })).statusCode).toBe(404)
    } finally {
      await production.close()
    }
    const documented = await buildProductionApp({ DOCS_ENABLED: 'true' })
    try {
      expect((await documented.inject({ url: '/docs/json' })).statusCode).toBe(200)
    } finally {
      await documented.close()
    }
  })
})
