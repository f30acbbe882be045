import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { privateDatabase } from '#src/test/private-database.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { verifyWebhookSignature } from '#src/http/webhook-signature.ts'
import { migrationsDir } from '#src/db/migrations/migration-files.ts'

const secret = 'status-webhook-secret-of-thirty-two-chars'
let app: App
// Its own database: draining sends every due webhook, and on the shared one that is every other test file's.
let database: Awaited<ReturnType<typeof privateDatabase>>
let receiver: http.Server
let answer = 200
const received: { headers: http.IncomingHttpHeaders; body: string }[] = []

beforeAll(async () => {
  database = await privateDatabase()
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body })
      response.statusCode = answer
      response.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const { port } = receiver.address() as { port: number }
  app = await buildTestApp({ databaseUrl: database.url, env: { STATUS_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/kyc`, STATUS_WEBHOOK_SECRET: secret } })
})
afterAll(async () => {
  await app.close()
  await new Promise((resolve) => receiver.close(resolve))
  await database.drop()
})

/** Every due webhook of this file's database, until none is left. */
async function drain() {
  while ((await app.flushStatusWebhooks!()) > 0);
}

describe('the outbound status webhook', () => {
  it('POSTs each status change, signed, with minimal data, retrying until the receiver accepts', async () => {
    // The other tests' rows first, so that one pass tries this test's rows once (a longer drain on a
    // loaded machine would reach the first retry, due a second later).
    answer = 204
    await drain()
    const browser = await applicantBrowser(app)
    answer = 503
    const submitted = await browser.submitComplete()
    await app.flushStatusWebhooks!()
    const pending = await app.prisma.outboxWebhook.findFirstOrThrow({ where: { applicationId: browser.id } })
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 1, lastError: expect.stringContaining('503') })

    answer = 204
    await app.prisma.outboxWebhook.updateMany({ where: { status: 'PENDING' }, data: { nextAttemptAt: new Date(Date.now() - 1000) } })
    await drain()
    const deliveries = received.filter((r) => r.body.includes(browser.id))
    expect(deliveries).toHaveLength(2)
    const last = deliveries.at(-1)!
    expect(verifyWebhookSignature(secret, last.headers['x-kakunin-signature'] as string, last.body)).toBeNull()
    const event = JSON.parse(last.body)
    expect(event).toMatchObject({
      id: pending.id,
      type: 'application.status_changed',
      applicationId: browser.id,
      reference: submitted.reference,
      from: 'DRAFT',
      to: 'SUBMITTED',
    })
    expect(last.headers['x-kakunin-event-id']).toBe(pending.id)
    expect(last.body).not.toMatch(/taro|山田|1990/)
    expect((await app.prisma.outboxWebhook.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe('SENT')
  })

  it('gives up on an event the receiver refuses outright (4xx)', async () => {
    const browser = await applicantBrowser(app)
    answer = 410
    await browser.submitComplete()
    await drain()
    expect((await app.prisma.outboxWebhook.findFirstOrThrow({ where: { applicationId: browser.id } })).status).toBe('FAILED')
    answer = 200
  })
})

describe('without STATUS_WEBHOOK_URL', () => {
  it('queues no status webhook, while the status change is still recorded as its event', async () => {
    const quiet = await buildTestApp({ databaseUrl: database.url })
    try {
      const browser = await applicantBrowser(quiet)
      await browser.submitComplete()
      expect(await quiet.prisma.outboxWebhook.count({ where: { applicationId: browser.id } })).toBe(0)
      const events = await quiet.prisma.applicationEvent.findMany({ where: { applicationId: browser.id, type: 'SUBMITTED' } })
      expect(events).toHaveLength(1)
      // The same change through an instance that sends them is queued.
      const sending = await applicantBrowser(app)
      await sending.submitComplete()
      expect(await app.prisma.outboxWebhook.count({ where: { applicationId: sending.id } })).toBe(1)
    } finally {
      await quiet.close()
    }
  })

  it('marks rows queued earlier with no sender as not sent, keeping them and anything a sender tried', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 })
    try {
      const browser = await applicantBrowser(app)
      await browser.submitComplete()
      await browser.send('POST', `/api/applications/${browser.id}/verifications`, {})
      const insert = (hoursAgo: number, attempts: number) =>
        pool.query<{ id: string }>(
          `INSERT INTO outbox_webhooks (id, event_type, application_id, payload, attempts, created_at)
           VALUES (gen_random_uuid(), 'application.status_changed', $1, '{}', $2, now() - make_interval(hours => $3)) RETURNING id`,
          [browser.id, attempts, hoursAgo],
        )
      const [stranded, recent, tried] = await Promise.all([insert(5, 0), insert(0, 0), insert(5, 3)])
      const migration = fs.readdirSync(migrationsDir).find((name) => name.endsWith('_status_webhooks_only_when_configured'))!
      // The migration again (it is idempotent): what it does to rows it finds.
      await pool.query(fs.readFileSync(path.join(migrationsDir, migration, 'migration.sql'), 'utf8'))
      const { rows } = await pool.query<{ id: string; status: string; last_error: string | null }>(
        'SELECT id, status, last_error FROM outbox_webhooks WHERE id = ANY($1)',
        [[stranded.rows[0]!.id, recent.rows[0]!.id, tried.rows[0]!.id]],
      )
      const byId = new Map(rows.map((row) => [row.id, row]))
      expect(byId.get(stranded.rows[0]!.id)).toMatchObject({ status: 'FAILED', last_error: expect.stringContaining('no STATUS_WEBHOOK_URL') })
      expect(byId.get(recent.rows[0]!.id)).toMatchObject({ status: 'PENDING', last_error: null })
      expect(byId.get(tried.rows[0]!.id)).toMatchObject({ status: 'PENDING' })
    } finally {
      await pool.end()
    }
  })
})
