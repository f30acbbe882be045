import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type App } from '#src/app.ts'
import { privateDatabase } from '#src/test/private-database.ts'
import { startSmtpSink } from '#src/test/smtp-sink.ts'
import { testConfig } from '#src/test/test-app.ts'
import { checkedAgainstContract } from '#src/test/contract.ts'

// The app's clock moves days ahead here, which makes every row due: a database of its own.
let database: Awaited<ReturnType<typeof privateDatabase>>
let app: App
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
let offsetMs = 0
beforeAll(async () => {
  ;[database, smtp] = await Promise.all([privateDatabase(), startSmtpSink()])
  app = checkedAgainstContract(await buildApp({
    config: testConfig({ SMTP_URL: smtp.url }),
    databaseUrl: database.url,
    logger: false,
    outboxWorker: false,
    clock: () => new Date(Date.now() + offsetMs),
  }))
})
afterAll(async () => {
  await app.close()
  await smtp.close()
  await database.drop()
})

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

async function queueMail(to = `retry-${randomUUID()}@example.com`) {
  return app.prisma.outboxEmail.create({
    data: { template: 'SUBMISSION_RECEIVED', to, subject: 'テスト', text: '本文', html: '<p>本文</p>', messageId: `<${randomUUID()}@kakunin.test>` },
  })
}

/** `days` after the row was written, one more attempt falls due. */
async function attemptAt(id: string, days: number) {
  offsetMs = days * DAY
  await app.prisma.outboxEmail.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() + offsetMs - 1000) } })
  await app.mail.flush()
  return app.prisma.outboxEmail.findUniqueOrThrow({ where: { id } })
}

describe('outbox retries during a long SMTP outage', () => {
  it('go on at the hour cap for seven days, then leave the row FAILED', async () => {
    const row = await queueMail()
    smtp.setOutage(true)
    try {
      // Past the attempts that once meant giving up (12, about 34 minutes).
      await app.prisma.outboxEmail.update({ where: { id: row.id }, data: { attempts: 40 } })
      const day6 = await attemptAt(row.id, 6.9)
      expect(day6).toMatchObject({ status: 'PENDING', attempts: 41, lastError: expect.any(String) })
      expect(day6.nextAttemptAt.getTime() - (Date.now() + offsetMs)).toBeGreaterThan(HOUR - 60_000)
      expect(day6.nextAttemptAt.getTime() - (Date.now() + offsetMs)).toBeLessThanOrEqual(HOUR)

      expect(await attemptAt(row.id, 7.01)).toMatchObject({ status: 'FAILED', attempts: 42 })
    } finally {
      smtp.setOutage(false)
      offsetMs = 0
    }
  })

  it('give up at once on a permanent refusal', async () => {
    const to = `refused-${randomUUID()}@example.com`
    smtp.rejectRecipient(to)
    const row = await queueMail(to)
    await app.mail.flush()
    expect(await app.prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'FAILED', attempts: 1 })
  })

  it('count the seven days again from an admin re-drive', async () => {
    const row = await queueMail()
    await app.prisma.outboxEmail.update({ where: { id: row.id }, data: { redrivenAt: new Date(Date.now() + 10 * DAY) } })
    smtp.setOutage(true)
    try {
      expect(await attemptAt(row.id, 16)).toMatchObject({ status: 'PENDING' })
      expect(await attemptAt(row.id, 17.1)).toMatchObject({ status: 'FAILED' })
    } finally {
      smtp.setOutage(false)
      offsetMs = 0
    }
  })
})
