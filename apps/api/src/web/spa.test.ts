import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { testConfig } from '#src/test/test-app.ts'
import { buildApp, type App } from '#src/app.ts'

const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-dist-'))
let app: App
beforeAll(async () => {
  fs.mkdirSync(path.join(distDir, 'assets'))
  fs.writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>kakunin</title>')
  fs.writeFileSync(path.join(distDir, 'assets', 'entry-abc123.js'), 'console.log(1)')
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
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
  })
})
