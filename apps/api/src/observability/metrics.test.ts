import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { privateDatabase } from '#src/test/private-database.ts'
import { buildTestApp, testConfig } from '#src/test/test-app.ts'

const TOKEN = 'metrics-test-token-0123456789abcdef'
const env = {
  METRICS: 'on',
  METRICS_TOKEN: TOKEN,
  // Queued but never sent (the worker is off): the backlog the gauges report.
  STATUS_WEBHOOK_URL: 'http://127.0.0.1:1/hooks',
  STATUS_WEBHOOK_SECRET: 'metrics-test-status-webhook-secret-0123456',
}

interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

/** The Prometheus text format, as a scraper reads it: one sample per line, comments skipped. */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
      if (!match) throw new Error(`not a sample line: ${line}`)
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key!, value!]))
      return { name: match[1]!, labels, value: Number(match[3]) }
    })
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, v]) => sample.labels[key] === v))?.value

let app: App
let database: Awaited<ReturnType<typeof privateDatabase>>
let pool: pg.Pool
beforeAll(async () => {
  database = await privateDatabase()
  pool = new pg.Pool({ connectionString: database.url, max: 1 })
  app = await buildTestApp({ databaseUrl: database.url, env })
})
afterAll(async () => {
  await app.close()
  await pool.end()
  await database.drop()
})

const scrape = async () => {
  const response = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
  return { text: response.body, samples: parse(response.body) }
}

describe('/metrics', () => {
  it('refuses a scrape without the token, or with another, in the error shape', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN}x`]) {
      const response = await app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} })
      expect(response.statusCode).toBe(401)
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"')
      expect(response.json().error.code).toBe('UNAUTHORIZED')
    }
  })

  it('reports request durations by route template and status, the backlog, verifications and the pool after real requests', async () => {
    const browser = await applicantBrowser(app)
    await browser.submitComplete()
    const verification = await browser.send('POST', `/api/applications/${browser.id}/verifications`, {})
    expect(verification.statusCode).toBe(201)
    expect((await browser.send('GET', `/api/applications/${browser.id}`)).statusCode).toBe(200)
    expect((await app.inject({ url: `/api/no-such-route/${browser.id}` })).statusCode).toBe(404)
    expect((await app.inject({ url: '/favicon.php?token=secret' })).statusCode).toBe(404)
    // The 申込受付 email as if it had waited an hour.
    await pool.query(`UPDATE outbox_emails SET created_at = created_at - interval '1 hour' WHERE application_id = $1`, [browser.id])

    const { text, samples } = await scrape()
    const count = (labels: Record<string, string>) => value(samples, 'kakunin_http_request_duration_seconds_count', labels)
    // Each step is its own route: six saves, one per template.
    for (const step of ['type', 'login', 'user', 'purpose', 'extra', 'agent']) {
      expect(count({ method: 'PUT', route: `/api/applications/:id/steps/${step}`, status_code: '200' })).toBe(1)
    }
    expect(count({ method: 'POST', route: '/api/applications/:id/submit', status_code: '200' })).toBe(1)
    expect(count({ method: 'GET', route: '/api/applications/:id', status_code: '200' })).toBe(1)
    expect(count({ method: 'GET', route: 'unmatched', status_code: '404' })).toBe(2)
    expect(value(samples, 'kakunin_http_request_duration_seconds_sum', { route: '/api/applications/:id/submit' })).toBeGreaterThan(0)
    // Templates only: no id, token or query in any label.
    expect(text).not.toContain(browser.id)
    expect(text).not.toMatch(/favicon|secret|no-such-route/)

    expect(value(samples, 'kakunin_metrics_database_up')).toBe(1)
    expect(value(samples, 'kakunin_queue_pending', { kind: 'email' })).toBe(1)
    expect(value(samples, 'kakunin_queue_oldest_age_seconds', { kind: 'email' })).toBeGreaterThanOrEqual(3600)
    expect(value(samples, 'kakunin_queue_oldest_age_seconds', { kind: 'email' })).toBeLessThan(3700)
    // DRAFT → SUBMITTED; a QR code on screen changes no status.
    expect(value(samples, 'kakunin_queue_pending', { kind: 'status_webhook' })).toBe(1)
    expect(value(samples, 'kakunin_queue_failed', { kind: 'email' })).toBe(0)
    expect(value(samples, 'kakunin_queue_pending', { kind: 'sandbox_review' })).toBe(0)
    expect(value(samples, 'kakunin_queue_pending', { kind: 'owner_confirmation_expiry' })).toBe(0)
    expect(value(samples, 'kakunin_verifications', { status: 'PENDING' })).toBe(1)
    expect(value(samples, 'kakunin_verifications', { status: 'APPROVED' })).toBe(0)

    expect(value(samples, 'kakunin_db_pool_max_connections')).toBe(10)
    expect(value(samples, 'kakunin_db_pool_connections')).toBeGreaterThanOrEqual(1)
    expect(value(samples, 'kakunin_db_pool_idle_connections')).toBeGreaterThanOrEqual(0)
    expect(value(samples, 'kakunin_db_pool_waiting_requests')).toBe(0)
    expect(value(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0)
    expect(value(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0)
  })

  it('is not served unless METRICS is on', async () => {
    const off = await buildTestApp({ databaseUrl: database.url })
    const response = await off.inject({ url: '/metrics' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('NOT_FOUND')
    await off.close()
  })

  it('still answers when the database does not, saying so', async () => {
    const down = await buildApp({ config: testConfig({ METRICS: 'on' }), databaseUrl: 'postgresql://nobody:secret@127.0.0.1:1/kakunin', logger: false })
    const response = await down.inject({ url: '/metrics' })
    expect(response.statusCode).toBe(200)
    const samples = parse(response.body)
    expect(value(samples, 'kakunin_metrics_database_up')).toBe(0)
    expect(value(samples, 'kakunin_queue_pending', { kind: 'email' })).toBeUndefined()
    await down.close()
  })
})
