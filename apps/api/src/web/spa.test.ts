import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { testConfig } from '#src/test/test-app.ts'
import { buildProductionApp } from '#src/test/production-app.ts'
import { buildApp, type App } from '#src/app.ts'

const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-dist-'))
// A build plugin may put a script into index.html: its hash lets it run, no 'unsafe-inline'.
const INLINE_SCRIPT = 'window.kakuninBuild = "test"'
let app: App
beforeAll(async () => {
  fs.mkdirSync(path.join(distDir, 'assets'))
  fs.writeFileSync(path.join(distDir, 'index.html'), `<!doctype html><title>kakunin</title><script>${INLINE_SCRIPT}</script><script type="module" src="/assets/entry-abc123.js"></script>`)
  fs.writeFileSync(path.join(distDir, 'assets', 'entry-abc123.js'), 'console.log(1)')
  fs.writeFileSync(path.join(distDir, 'assets', 'entry-abc123.js.map'), '{"version":3,"sources":["../src/main.tsx"]}')
  fs.writeFileSync(path.join(distDir, 'assets', 'big-abc123.js'), `console.log(${JSON.stringify('かくにん'.repeat(2000))})`)
  app = await buildApp({
    config: testConfig({ WEB_DIST_DIR: distDir }),
    databaseUrl: inject('databaseUrl'),
    logger: false,
  })
})
afterAll(async () => {
  await app.close()
  fs.rmSync(distDir, { recursive: true, force: true })
})

const html = { accept: 'text/html,application/xhtml+xml' }

describe('serving the SPA beside the API', () => {
  it('serves index.html for the root and for client-side routes, revalidated each time', async () => {
    for (const url of ['/', '/applications/started/KYC-20261128-0001']) {
      const response = await app.inject({ url, headers: html })
      expect(response.statusCode).toBe(200)
      expect(response.body).toContain('<title>kakunin</title>')
      expect(response.headers['cache-control']).toBe('no-cache')
    }
  })

  it('serves hashed assets as immutable', async () => {
    const response = await app.inject({ url: '/assets/entry-abc123.js' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toContain('immutable')
  })

  it('answers missing files and unknown API routes with the JSON 404, even for a browser', async () => {
    for (const url of ['/assets/missing.js', '/api/nothing-here']) {
      const response = await app.inject({ url, headers: html })
      expect(response.statusCode).toBe(404)
      expect(response.json().error.code).toBe('NOT_FOUND')
    }
  })
})

describe('compression', () => {
  it('sends assets gzip-compressed to a browser that accepts it', async () => {
    const response = await app.inject({ url: '/assets/big-abc123.js', headers: { 'accept-encoding': 'gzip' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.rawPayload.length).toBeLessThan(2000)
  })
})

describe('security headers', () => {
  it('keep tokens in URLs from leaking through Referer, and forbid sniffing and framing', async () => {
    const response = await app.inject({ url: '/resume/some-token', headers: html })
    expect(response.headers['referrer-policy']).toBe('no-referrer')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['x-frame-options']).toBe('DENY')
  })
})

describe("the SPA's Content-Security-Policy", () => {
  const directives = (header: unknown) =>
    Object.fromEntries(String(header).split(';').map((directive) => directive.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]))

  it('allows scripts and styles from this origin only, and the inline script by its hash', async () => {
    const response = await app.inject({ url: '/applications/started', headers: html })
    const policy = directives(response.headers['content-security-policy'])
    const hash = `'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`
    expect(policy['script-src']).toEqual(["'self'", hash])
    expect(policy['style-src']).toEqual(["'self'"])
    expect(policy['default-src']).toEqual(["'self'"])
    // The QR code is a data: URL; the phone's photo preview an object (blob:) URL.
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:'])
    expect(policy).toMatchObject({ 'object-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'self'"], 'frame-ancestors': ["'none'"] })
    expect(String(response.headers['content-security-policy'])).not.toContain('unsafe')
  })

  it('is the same for index.html at / and for the hashed assets', async () => {
    const page = await app.inject({ url: '/', headers: html })
    const asset = await app.inject({ url: '/assets/entry-abc123.js' })
    expect(page.headers['content-security-policy']).toContain("script-src 'self' 'sha256-")
    expect(asset.headers['content-security-policy']).toBe(page.headers['content-security-policy'])
  })
})

describe('source maps', () => {
  it('are served outside production', async () => {
    expect((await app.inject({ url: '/assets/entry-abc123.js.map' })).statusCode).toBe(200)
  })

  it('are not served in production, though the file is there', async () => {
    const production = await buildProductionApp({ WEB_DIST_DIR: distDir })
    try {
      const map = await production.inject({ url: '/assets/entry-abc123.js.map', headers: html })
      expect(map.statusCode).toBe(404)
      expect(map.json().error.code).toBe('NOT_FOUND')
      expect((await production.inject({ url: '/assets/entry-abc123.js' })).statusCode).toBe(200)
    } finally {
      await production.close()
    }
  })
})
