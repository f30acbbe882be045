import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { privateDatabase } from '#src/test/private-database.ts'
import { matchingDetails, sandboxPhone } from '#src/test/sandbox-phone.ts'
import { startSmtpSink } from '#src/test/smtp-sink.ts'
import { testConfig } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

// Two API instances on one PostgreSQL, listening on 127.0.0.1, each with its workers running, as
// production runs them behind a load balancer. Their own database: their workers claim every due row.
let database: Awaited<ReturnType<typeof privateDatabase>>
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
const instances: App[] = []
const closed = new Set<App>()

async function startInstance() {
  const app = await buildApp({
    config: testConfig({
      SMTP_URL: smtp.url,
      SANDBOX_EKYC_REVIEW_DELAY_MS: '1500',
      OUTBOX_POLL_MS: '100',
      // One test address plays many applicants here; the limits are another test's subject.
      CREATE_APPLICATION_RATE_LIMIT: '1000',
      SUBMIT_RATE_LIMIT: '1000',
      EMAIL_RATE_LIMIT: '1000',
    }),
    databaseUrl: database.url,
    logger: false,
    outboxWorker: true,
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  instances.push(app)
  return app
}

beforeAll(async () => {
  ;[database, smtp] = await Promise.all([privateDatabase(), startSmtpSink()])
  await startInstance()
  await startInstance()
})
afterAll(async () => {
  for (const app of instances) if (!closed.has(app)) await app.close()
  await smtp.close()
  await database.drop()
})

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('two API instances on one database', () => {
  it('give concurrent submissions split across them distinct references, and send each email exactly once', async () => {
    const [a, b] = instances as [App, App]
    const applicants = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        const tag = `${index}-${Math.random().toString(36).slice(2, 8)}`
        const login = { ...validAnswers.login, loginEmail: `two-${tag}@example.com`, contactEmail: `two-${tag}@example.net` }
        const browser = await applicantBrowser(index % 2 === 0 ? a : b)
        await browser.saveAll({ ...validAnswers, login })
        return { browser, login }
      }),
    )
    const submitted = await Promise.all(
      applicants.map(async ({ browser }) => {
        const response = await browser.submit()
        expect(response.statusCode, response.body).toBe(200)
        return response.json().reference as string
      }),
    )
    expect(new Set(submitted).size).toBe(applicants.length)

    const ids = applicants.map(({ browser }) => browser.id)
    const rows = await waitFor('every email sent', async () => {
      const found = await a.prisma.outboxEmail.findMany({ where: { applicationId: { in: ids } } })
      return found.length === applicants.length && found.every((row) => row.status === 'SENT') ? found : undefined
    })
    // Give a duplicate time to arrive, were a second worker sending the same rows.
    await new Promise((resolve) => setTimeout(resolve, 500))
    for (const row of rows) expect(smtp.received.filter((mail) => mail.messageId === row.messageId), row.to).toHaveLength(1)
    for (const { login } of applicants) expect(smtp.to(login.loginEmail)).toHaveLength(1)
  })

  it('deliver a sandbox verdict after the instance that received the submission is gone', async () => {
    const [a, b] = instances as [App, App]
    const browser = await applicantBrowser(a)
    await browser.submitComplete()
    const { url } = (await browser.send('POST', `/api/applications/${browser.id}/verifications`)).json()
    expect((await sandboxPhone(a, url).verify(matchingDetails)).statusCode).toBe(204)
    const status = async () => (await b.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).status
    expect(await status()).toBe('IN_REVIEW')

    // The instance goes away within the 1.5 s the reviewer takes; no timer of its could deliver now.
    await a.close()
    closed.add(a)
    await waitFor('the verdict', async () => ((await status()) === 'APPROVED' ? true : undefined))
    const session = await b.prisma.sandboxEkycSession.findFirstOrThrow({ where: { status: 'REVIEWED', reviewedAt: { not: null } }, orderBy: { reviewedAt: 'desc' } })
    expect(session).toMatchObject({ reviewAttempts: 1, reviewLastError: null })
    const events = await b.prisma.applicationEvent.findMany({ where: { applicationId: browser.id, type: 'DECIDED' } })
    expect(events).toHaveLength(1)
  })
})
