import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import type { StepValues } from '@kakunin/schema/form/application-form'
import { customer } from '@kakunin/test-data/answers'
import { uniqueEmail } from '@kakunin/test-data/accounts'
import { buildApp, type App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { sandboxPhone } from '#src/test/sandbox-phone.ts'
import { staffClient } from '#src/test/staff-client.ts'
import { testConfig } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'
import { detailsOf, newSid } from '#src/test/verified-applicant.ts'
import { checkedAgainstContract } from '#src/test/contract.ts'

// One whole applicant journey (drafts, a resume link, the QR phone, an owner's confirmation, staff
// searching and reading, an inquiry, the mailbox, database errors), with the log captured: none of
// what identifies the person or grants access may be in it.

const LIMITS = ['CREATE_APPLICATION', 'EMAIL', 'SUBMIT', 'SANDBOX_PHONE', 'INQUIRY', 'LINK_CHECK', 'RESUME_RENEW']
const env = Object.fromEntries(LIMITS.map((name) => [`${name}_RATE_LIMIT`, '1000']))

// A person no other value in the log could match by chance.
const user = customer({
  familyName: '鷹司',
  givenName: '絢音',
  familyNameKana: 'タカツカサ',
  givenNameKana: 'アヤネ',
  birthDate: { year: '1987', month: '11', day: '23' },
  address: { postalCode: '060-0042', prefecture: '北海道', city: '札幌市中央区', town: '大通西4-1', building: '' },
})

const cookieOf = (response: { cookies: { name: string; value: string }[] }) => response.cookies.find((c) => c.name === 'kakunin_applicant')!.value
const tokenIn = (text: string, path: string) => text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`))![1]!

async function wholeFlow(app: App) {
  const secrets: string[] = []
  const keep = (...values: string[]) => {
    secrets.push(...values)
    return values[0]!
  }
  const loginEmail = keep(uniqueEmail('ayane'))
  const contactEmail = keep(uniqueEmail('ayane.contact'))
  const sid = keep(newSid())
  const answers = { ...validAnswers, user, login: { accountSid: sid, loginEmail, contactEmail } } as StepValues

  // Create and save every step; a draft link is emailed, previewed and redeemed.
  const browser = await applicantBrowser(app)
  keep(browser.headers.cookie.split('=')[1]!)
  await browser.saveAll(answers)
  expect((await browser.send('POST', `/api/applications/${browser.id}/draft-link`, {})).statusCode).toBe(202)
  const draftMail = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: browser.id, template: 'DRAFT_SAVED' } })
  const resumeToken = keep(tokenIn(draftMail.text, 'resume'))
  expect((await app.inject({ url: `/api/resume/${resumeToken}` })).statusCode).toBe(200)
  const redeemed = await app.inject({ method: 'POST', url: `/api/resume/${resumeToken}`, payload: {} })
  expect(redeemed.statusCode).toBe(200)
  const headers = { cookie: `kakunin_applicant=${keep(cookieOf(redeemed))}` }
  const as = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers, ...(payload ? { payload } : {}) })
  // The link is used now: asking again is a 404 that logs the same URL.
  expect((await app.inject({ method: 'POST', url: `/api/resume/${resumeToken}`, payload: {} })).statusCode).toBe(404)

  // Submit, open the QR code on the phone, and let the sandbox reviewer approve.
  const { version } = (await as('GET', '/api/applications/current')).json()
  expect((await as('POST', `/api/applications/${browser.id}/submit`, { version })).statusCode).toBe(200)
  const started = await as('POST', `/api/applications/${browser.id}/verifications`, {})
  expect(started.statusCode).toBe(201)
  const qrUrl: string = started.json().url
  keep(tokenIn(qrUrl, 'verify'))
  const phone = sandboxPhone(app, qrUrl)
  expect((await phone.session()).statusCode).toBe(200)
  expect((await phone.verify(detailsOf(user))).statusCode).toBe(204)
  expect((await as('GET', '/api/applications/current')).json().status).toBe('APPROVED')

  // A second account relies on this one: its owner confirms by the emailed link.
  const linked = await applicantBrowser(app, 'LINK_VERIFIED')
  keep(linked.headers.cookie.split('=')[1]!)
  expect((await linked.save('type', validAnswers.type)).statusCode).toBe(200)
  const linkLogin = { accountSid: keep(newSid()), verifiedAccountSid: sid, loginEmail: keep(uniqueEmail('ayane.second')), contactEmail: keep(uniqueEmail('ayane.second.contact')) }
  expect((await linked.save('login', linkLogin)).statusCode).toBe(200)
  expect((await linked.send('POST', `/api/applications/${linked.id}/submit-link`, { version: linked.version })).statusCode).toBe(200)
  const ownerMail = await app.prisma.outboxEmail.findFirstOrThrow({ where: { applicationId: linked.id, template: 'OWNER_CONFIRMATION' } })
  const confirmation = keep(tokenIn(ownerMail.text, 'link-confirm'))
  expect((await app.inject({ method: 'POST', url: `/api/owner-confirmations/${confirmation}/confirm`, payload: {} })).statusCode).toBe(200)

  // Staff search by name (kanji and kana), email and SID, then read the application and its record.
  const staff = await staffClient(app, 'ADMIN')
  keep(staff.key)
  const search = `/applications?name=${encodeURIComponent(user.familyName)}&email=${encodeURIComponent(loginEmail)}`
  expect((await staff.get(search)).json().items.length).toBeGreaterThan(0)
  expect((await staff.get(`/applications?name=${encodeURIComponent(user.familyNameKana)}&accountSid=${sid}`)).statusCode).toBe(200)
  expect((await staff.get(`/applications/${browser.id}`)).statusCode).toBe(200)
  expect((await staff.get(`/applications/${browser.id}/record?format=csv`)).statusCode).toBe(200)
  expect((await staff.get(`/account-sids/${sid}`)).json().verified).toBe(true)

  // An inquiry from the applicant's page, the development mailbox for the address, the mail sent.
  const inquiry = { kind: 'KYC', name: `${user.familyName} ${user.givenName}`, email: contactEmail, accountSid: sid, content: `${user.address.city}${user.address.town}に住んでいます` }
  expect((await as('POST', '/api/inquiries', inquiry)).statusCode).toBe(201)
  expect((await app.inject({ url: `/api/dev/mailbox?to=${encodeURIComponent(loginEmail)}` })).statusCode).toBe(200)
  await app.mail.flush()

  // Hostile values that once made PostgreSQL quote the answers around them.
  const hostile = { ...user, address: { ...user.address, town: `${user.address.town}\ud800` } }
  expect((await as('PUT', `/api/applications/${browser.id}/steps/user`, { version: 1, values: hostile })).statusCode).toBeLessThan(500)
  expect((await staff.get(`/applications?name=${encodeURIComponent(user.familyName)}%00`)).statusCode).toBeLessThan(500)

  return { secrets, loginEmail }
}

/** Real errors from the test database that quote the values they refused, logged as the app does. */
async function logDatabaseErrors(app: App, email: string) {
  const client = await app.pg.connect()
  const caught: unknown[] = []
  try {
    await client.query('CREATE TEMP TABLE log_probe (v text UNIQUE, n text NOT NULL)')
    await client.query('INSERT INTO log_probe VALUES ($1, $2)', [email, user.familyName])
    // detail: Key (v)=(<email>) already exists.
    await client.query('INSERT INTO log_probe VALUES ($1, $2)', [email, user.familyName]).catch((error: unknown) => caught.push(error))
    // detail: Failing row contains (<name>, null).
    await client.query('INSERT INTO log_probe VALUES ($1, NULL)', [user.givenName]).catch((error: unknown) => caught.push(error))
    // message: invalid input syntax for type integer: "<kana>"; where: unnamed portal parameter $1 = '...'
    await client.query('SELECT $1::int', [user.familyNameKana]).catch((error: unknown) => caught.push(error))
    // where: the JSON text before the unpaired surrogate.
    await client.query('SELECT $1::jsonb', [`{"town":"${user.address.town}\\ud800"}`]).catch((error: unknown) => caught.push(error))
  } finally {
    await client.query('DROP TABLE IF EXISTS log_probe')
    client.release()
  }
  // Prisma repeats PostgreSQL's message in its own and in meta.driverAdapterError.
  await app.prisma.$queryRaw`SELECT ${user.givenNameKana}::int`.catch((error: unknown) => caught.push(error))
  expect(caught).toHaveLength(5)
  for (const error of caught) {
    app.log.error({ err: error }, 'database probe failed')
    app.log.error(error)
    app.log.warn({ err: new Error('outer failure', { cause: error }) }, 'database probe wrapped')
  }
}

describe.each(['info', 'debug'])('the log at level %s', (level) => {
  const lines: string[] = []
  let app: App
  beforeAll(async () => {
    app = checkedAgainstContract(await buildApp({
      config: testConfig({ ...env, LOG_LEVEL: level }),
      databaseUrl: inject('databaseUrl'),
      logger: { level, stream: { write: (line: string) => lines.push(line) } },
      outboxWorker: false,
    }))
  })
  afterAll(() => app.close())

  it('holds requests and errors, and none of the names, dates, addresses, emails, SIDs, tokens, cookies or keys', async () => {
    const { secrets, loginEmail } = await wholeFlow(app)
    await logDatabaseErrors(app, loginEmail)

    const log = lines.join('')
    const entries = lines.map((line) => JSON.parse(line) as { msg: string; req?: { url: string }; err?: { code?: string } })
    // The log is there to be read: every request, with its masked URL, and the database errors.
    const urls = entries.filter((entry) => entry.msg === 'incoming request').map((entry) => entry.req!.url)
    expect(urls.length).toBeGreaterThan(30)
    const { familyName, givenName, familyNameKana, givenNameKana, birthDate, address } = user
    const birth = [`${birthDate.year}-${birthDate.month}-${birthDate.day}`, '1987-11-23', '19871123', '1987年11月23日']
    const personal = [familyName, givenName, familyNameKana, givenNameKana, ...birth, address.postalCode, address.city, address.town, address.prefecture, '札幌', '大通']
    const needles = [...new Set([...personal, ...secrets].flatMap((value) => [value, encodeURIComponent(value)]))]
    expect(secrets.length).toBe(13)
    expect(needles.filter((needle) => log.includes(needle))).toEqual([])

    // What stands in for them.
    expect(urls).toContain('/api/resume/***')
    expect(urls).toContain('/api/sandbox-ekyc/sessions/***/complete')
    expect(urls).toContain('/api/owner-confirmations/***/confirm')
    expect(urls).toContain('/api/staff/applications?name=***&email=***')
    expect(urls).toContain('/api/staff/account-sids/***')
    expect(urls).toContain('/api/dev/mailbox?to=***')
    expect(entries.filter((entry) => entry.msg === 'database probe failed').map((entry) => entry.err?.code)).toEqual(['23505', '23502', '22P02', '22P02', 'P2010'])
  })
})
