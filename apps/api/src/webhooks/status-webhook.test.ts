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

  it('marks rows queued earlier as not sent where nothing ever sent one, and keeps them where a sender exists', async () => {
    // A database of its own: this file's other tests have sent webhooks on the shared one.
    const own = await privateDatabase()
    const pool = new pg.Pool({ connectionString: own.url, max: 1 })
    try {
      const { rows: [application] } = await pool.query<{ id: string }>(
        `INSERT INTO applications (id, reference, flow, status, version, created_at, updated_at)
         VALUES (gen_random_uuid(), 'KK-TEST-WEBHOOK', 'FIRST_TIME', 'DRAFT', 1, now(), now()) RETURNING id`,
      )
      const insert = (hoursAgo: number, attempts: number) =>
        pool.query<{ id: string }>(
          `INSERT INTO outbox_webhooks (id, event_type, application_id, payload, attempts, created_at)
           VALUES (gen_random_uuid(), 'application.status_changed', $1, '{}', $2, now() - make_interval(hours => $3)) RETURNING id`,
          [application!.id, attempts, hoursAgo],
        ).then((result) => result.rows[0]!.id)
      const migration = fs.readdirSync(migrationsDir).find((name) => name.endsWith('_status_webhooks_only_when_configured'))!
      // The migration again (it is idempotent): what it does to rows it finds.
      const migrate = () => pool.query(fs.readFileSync(path.join(migrationsDir, migration, 'migration.sql'), 'utf8'))
      const statusOf = async (id: string) => (await pool.query<{ status: string; last_error: string | null }>('SELECT status, last_error FROM outbox_webhooks WHERE id = $1', [id])).rows[0]

      // Never a sender: the old rows are marked, the recent one waits.
      const [stranded, recent] = await Promise.all([insert(5, 0), insert(0, 0)])
      await migrate()
      expect(await statusOf(stranded)).toMatchObject({ status: 'FAILED', last_error: expect.stringContaining('no STATUS_WEBHOOK_URL') })
      expect(await statusOf(recent)).toMatchObject({ status: 'PENDING', last_error: null })

      // A sender tried one: it exists, merely down for a while, and its old rows are left to it.
      const tried = await insert(5, 3)
      const waiting = await insert(5, 0)
      await migrate()
      expect(await statusOf(tried)).toMatchObject({ status: 'PENDING' })
      expect(await statusOf(waiting)).toMatchObject({ status: 'PENDING', last_error: null })
    } finally {
      await pool.end()
      await own.drop()
    }
  })
})
