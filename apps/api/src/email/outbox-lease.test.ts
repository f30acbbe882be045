import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type App } from '#src/app.ts'
import { privateDatabase } from '#src/test/private-database.ts'
import { startSmtpSink } from '#src/test/smtp-sink.ts'
import { testConfig } from '#src/test/test-app.ts'
import { createOutboxWorker } from './outbox-worker.ts'
import { createMailTransport, type MailTransport } from './transport.ts'
import { checkedAgainstContract } from '#src/test/contract.ts'

// Workers here claim every due row, so they get a database of their own.
let database: Awaited<ReturnType<typeof privateDatabase>>
let app: App
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
const transports: MailTransport[] = []
beforeAll(async () => {
  ;[database, smtp] = await Promise.all([privateDatabase(), startSmtpSink()])
  app = checkedAgainstContract(await buildApp({ config: testConfig(), databaseUrl: database.url, logger: false, outboxWorker: false }))
})
afterAll(async () => {
  for (const transport of transports) transport.close()
  await app.close()
  await smtp.close()
  await database.drop()
})

const LEASE_MS = 600

function worker(transport: MailTransport = createMailTransport(smtp.url)) {
  transports.push(transport)
  return createOutboxWorker({ pool: app.pg, transport, from: 'kakunin@example.jp', log: app.log, pollMs: 1000, clock: () => new Date(), leaseMs: LEASE_MS })
}

async function queueMail() {
  const to = `lease-${randomUUID()}@example.com`
  const row = await app.prisma.outboxEmail.create({
    data: { template: 'SUBMISSION_RECEIVED', to, subject: 'テスト', text: '本文', html: '<p>本文</p>', messageId: `<${randomUUID()}@kakunin.test>` },
  })
  return { row, to }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('outbox leases', () => {
  it('a send slower than the lease is not taken over by a second worker: one email', async () => {
    const { row, to } = await queueMail()
    smtp.setDelay(LEASE_MS * 3)
    try {
      const first = worker().runOnce()
      // Well past the first claim's lease: without renewal the second worker would claim and send it too.
      await sleep(LEASE_MS * 2)
      expect(await worker().runOnce()).toBe(0)
      expect(await first).toBe(1)
    } finally {
      smtp.setDelay(0)
    }
    expect(smtp.to(to)).toHaveLength(1)
    expect(await app.prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'SENT', attempts: 1 })
  })

  it('rows of a batch waiting behind slow sends are sent once, by whichever worker holds them', async () => {
    const queued = await Promise.all([queueMail(), queueMail(), queueMail(), queueMail()])
    smtp.setDelay((LEASE_MS * 2) / 3)
    try {
      // The first worker claims all four and sends them one after another; the later ones lapse
      // while they wait, and the second worker claims and sends them meanwhile.
      const first = worker().runOnce()
      await sleep(LEASE_MS + 100)
      const second = worker().runOnce()
      await Promise.all([first, second])
    } finally {
      smtp.setDelay(0)
    }
    for (const { row, to } of queued) {
      expect(smtp.to(to), to).toHaveLength(1)
      expect((await app.prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('SENT')
    }
  })

  it('a worker that lost its lease does not overwrite the outcome of the worker that took over', async () => {
    const { row, to } = await queueMail()
    const second = worker()
    // The first worker stalls past its lease in the middle of sending (as a paused process would),
    // the second claims the row and sends it; then the first's send fails.
    const stalled = worker({
      describe: (address) => address,
      close: () => {},
      async sendMail() {
        await app.prisma.outboxEmail.update({ where: { id: row.id }, data: { lockedUntil: new Date(Date.now() - 1000) } })
        expect(await second.runOnce()).toBe(1)
        throw Object.assign(new Error('connection reset'), { code: 'ECONNRESET' })
      },
    })
    expect(await stalled.runOnce()).toBe(1)

    const stored = await app.prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })
    // Not PENDING again (a third send) and no error of the stale claim on it: the second worker's result stands.
    expect(stored).toMatchObject({ status: 'SENT', attempts: 2, deliveredTo: to, lastError: null })
    expect(smtp.to(to)).toHaveLength(1)
    await app.prisma.outboxEmail.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } })
    expect(await second.runOnce()).toBe(0)
  })

  it('a stale claim that succeeds late leaves the current holder in charge', async () => {
    const { row, to } = await queueMail()
    const holderLease = randomUUID()
    const late = worker({
      ...createMailTransport(smtp.url),
      async sendMail() {
        // Another worker took the row over meanwhile and is still sending it.
        await app.prisma.outboxEmail.update({ where: { id: row.id }, data: { leaseId: holderLease, lockedUntil: new Date(Date.now() + 60_000), attempts: 2 } })
      },
    })
    expect(await late.runOnce()).toBe(1)
    expect(await app.prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'PENDING', leaseId: holderLease, sentAt: null })
    expect(smtp.to(to)).toHaveLength(0)
  })
})
