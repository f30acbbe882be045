import http from 'node:http'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { startSmtpSink } from '#src/test/smtp-sink.ts'
import { staffClient } from '#src/test/staff-client.ts'
import { privateDatabase } from '#src/test/private-database.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

let app: App
// Its own database: draining the status webhooks sends every due row, and on the shared database
// that is whatever every other test file's status changes left (no URL is set there).
let database: Awaited<ReturnType<typeof privateDatabase>>
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
let receiver: http.Server
let answer = 200
const received: string[] = []
beforeAll(async () => {
  ;[database, smtp] = await Promise.all([privateDatabase(), startSmtpSink()])
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push(body)
      response.statusCode = answer
      response.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const { port } = receiver.address() as { port: number }
  app = await buildTestApp({
    databaseUrl: database.url,
    env: { SMTP_URL: smtp.url, STATUS_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks`, STATUS_WEBHOOK_SECRET: 'status-webhook-secret-of-thirty-two-chars' },
  })
})
afterAll(async () => {
  await app.close()
  await smtp.close()
  await new Promise((resolve) => receiver.close(resolve))
  await database.drop()
})

/** A submission whose mail both addresses refuse for good, and whose status webhook the receiver refuses (410). */
async function failedDeliveries() {
  const tag = randomUUID().slice(0, 8)
  const login = { ...validAnswers.login, loginEmail: `failed-${tag}@example.com`, contactEmail: `failed-${tag}@example.net` }
  smtp.rejectRecipient(login.loginEmail)
  smtp.rejectRecipient(login.contactEmail)
  const browser = await applicantBrowser(app)
  answer = 410
  try {
    await browser.submitComplete({ ...validAnswers, login })
    await app.mail.flush()
    while ((await app.flushStatusWebhooks!()) > 0);
  } finally {
    answer = 200
  }
  const email = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: browser.id } })
  const webhook = await app.prisma.outboxWebhook.findFirstOrThrow({ where: { applicationId: browser.id } })
  expect([email.status, webhook.status]).toEqual(['FAILED', 'FAILED'])
  return { browser, login, email, webhook }
}

describe('/api/staff/outbox', () => {
  it('is for admins only', async () => {
    const { email, webhook } = await failedDeliveries()
    for (const role of ['VIEWER', 'REVIEWER', 'COMPLIANCE'] as const) {
      const staff = await staffClient(app, role)
      for (const response of [
        await staff.get('/outbox?status=FAILED'),
        await staff.post(`/outbox/emails/${email.id}/redrive`, {}),
        await staff.post(`/outbox/webhooks/${webhook.id}/redrive`, {}),
      ]) {
        expect(response.statusCode).toBe(403)
        expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('ADMIN') })
      }
    }
    expect((await app.inject({ url: '/api/staff/outbox' })).statusCode).toBe(401)
    expect(await app.prisma.outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: 'FAILED', redriveCount: 0 })
  })

  it('lists FAILED mails and webhooks with masked recipients and never a body', async () => {
    const { browser, login, email, webhook } = await failedDeliveries()
    const admin = await staffClient(app, 'ADMIN')
    const response = await admin.get('/outbox?status=FAILED&limit=100')
    expect(response.statusCode).toBe(200)
    const mine = response.json().items.filter((item: { applicationId: string }) => item.applicationId === browser.id)
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'email', id: email.id, type: 'SUBMISSION_RECEIVED', recipient: `f***@example.net`, status: 'FAILED', attempts: 2 }),
        expect.objectContaining({ kind: 'webhook', id: webhook.id, type: 'application.status_changed', recipient: null, status: 'FAILED', attempts: 1 }),
      ]),
    )
    expect(mine).toHaveLength(2)
    const body = JSON.stringify(mine)
    for (const secret of [login.loginEmail, login.contactEmail, email.subject, 'お申し込み', '"payload"', '"html"', '"text"']) expect(body).not.toContain(secret)
    expect(mine.find((item: { kind: string }) => item.kind === 'webhook').lastError).toContain('410')

    // A mail that went to the contact address notes why, quoting the refused login address.
    const tag = randomUUID().slice(0, 8)
    const refused = `refused-${tag}@example.com`
    smtp.rejectRecipient(refused)
    const other = await applicantBrowser(app)
    await other.submitComplete({ ...validAnswers, login: { ...validAnswers.login, loginEmail: refused, contactEmail: `contact-${tag}@example.net` } })
    await app.mail.flush()
    const sent = (await admin.get('/outbox?status=SENT&kind=email&limit=100')).json().items.find((item: { applicationId: string }) => item.applicationId === other.id)
    expect(sent).toMatchObject({ status: 'SENT', recipient: 'c***@example.net', lastError: expect.stringMatching(/^r\*\*\*@example\.com: /) })
    expect(JSON.stringify(sent)).not.toContain(refused)

    const emailsOnly = await admin.get('/outbox?status=FAILED&kind=email&limit=100')
    expect(emailsOnly.json().items.every((item: { kind: string }) => item.kind === 'email')).toBe(true)
    const bad = await admin.get('/outbox?status=LOST')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('re-drives a FAILED mail and webhook once the cause is fixed: delivered, and who did it recorded', async () => {
    const { login, email, webhook } = await failedDeliveries()
    const admin = await staffClient(app, 'ADMIN')
    smtp.acceptRecipient(login.contactEmail)

    const redriven = await admin.post(`/outbox/emails/${email.id}/redrive`, {})
    expect(redriven.statusCode, redriven.body).toBe(200)
    expect(redriven.json()).toMatchObject({ id: email.id, status: 'PENDING', redriveCount: 1, redrivenById: admin.id })
    const again = await admin.post(`/outbox/emails/${email.id}/redrive`, {})
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('再送できません') })

    await app.mail.flush()
    expect(smtp.to(login.contactEmail).map((mail) => mail.messageId)).toEqual([email.messageId])
    expect(await app.prisma.outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({
      status: 'SENT',
      deliveredTo: login.contactEmail,
      redriveCount: 1,
      redrivenById: admin.id,
      redrivenAt: expect.any(Date),
    })
    expect((await admin.post(`/outbox/emails/${email.id}/redrive`, {})).statusCode).toBe(409)

    const hook = await admin.post(`/outbox/webhooks/${webhook.id}/redrive`, {})
    expect(hook.statusCode).toBe(200)
    while ((await app.flushStatusWebhooks!()) > 0);
    expect(received.filter((body) => body.includes(webhook.id)).length).toBe(2)
    expect(await app.prisma.outboxWebhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({ status: 'SENT', redriveCount: 1 })
  })

  it('answers 404 for an unknown id and 400 for a malformed one, in the error shape', async () => {
    const admin = await staffClient(app, 'ADMIN')
    for (const kind of ['emails', 'webhooks']) {
      const unknown = await admin.post(`/outbox/${kind}/${randomUUID()}/redrive`, {})
      expect(unknown.statusCode).toBe(404)
      expect(unknown.json().error.code).toBe('NOT_FOUND')
      expect((await admin.post(`/outbox/${kind}/not-an-id/redrive`, {})).statusCode).toBe(400)
    }
  })

  it('is in the OpenAPI document', async () => {
    const document = (await app.inject({ url: '/docs/json' })).json()
    expect(document.paths['/api/staff/outbox'].get).toBeDefined()
    expect(document.paths['/api/staff/outbox/emails/{id}/redrive'].post.responses['409']).toBeDefined()
    expect(document.paths['/api/staff/outbox/webhooks/{id}/redrive'].post).toBeDefined()
  })
})
