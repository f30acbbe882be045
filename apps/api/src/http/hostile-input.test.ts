import { createHmac } from 'node:crypto'
import SwaggerParser from '@apidevtools/swagger-parser'
import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorResponse } from '@kakunin/schema/errors'
import { buildApp } from '#src/app.ts'
import { allowedAfterRefusal, changesSince, installChangeLog, type RecordedChange } from '#src/test/change-log.ts'
import { hostileFixtures } from '#src/test/hostile-fixtures.ts'
import { privateDatabase } from '#src/test/private-database.ts'
import { hostileRequests, operationsOf, toInject, type HostileRequest, type InjectRequest, type Resolver } from '#src/test/hostile-requests.ts'
import { JPEG, PNG } from '#src/test/sandbox-phone.ts'
import { testConfig } from '#src/test/test-app.ts'
import { checkedAgainstContract } from '#src/test/contract.ts'
import { PDF } from '@kakunin/test-data/documents'
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.ts'

// Generated requests to every operation of the OpenAPI document, with real sessions, staff keys,
// ids, tokens and signed webhooks so that bodies reach validators and services. No response is a
// 5xx, every 4xx is the one error shape, and a refused request changes no stored data.

/** FAST_CHECK_SEED=<n> replays a run; each operation's property runs on seed + its index. */
const SEED = Number(process.env.FAST_CHECK_SEED ?? 20_261_201)
const TOTAL_REQUESTS = 10_000

const SANDBOX_SECRET = 'hostile-suite-sandbox-webhook-secret-0123456789'
const TRUSTDOCK_SECRET = 'hostile-suite-trustdock-webhook-secret-0123456'
const PUBLIC_BASE_URL = 'http://localhost:3000'
const METRICS_TOKEN = 'hostile-suite-metrics-token-0123456789abcdef'

// Limits far above the run, so requests reach the routes rather than only the 429 (which would pass too).
const unlimited = Object.fromEntries(
  ['RESUME_RENEW', 'LINK_CHECK', 'INQUIRY', 'CREATE_APPLICATION', 'EMAIL', 'SUBMIT', 'VERIFICATION', 'SANDBOX_PHONE'].map((name) => [`${name}_RATE_LIMIT`, '100000']),
)

// A database of its own: the change log's triggers are DDL no other suite should see.
const database = await privateDatabase()
const databaseUrl = database.url
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
await installChangeLog(pool)
// Every answer is also checked against the document it was generated from (test/contract.ts).
const app = checkedAgainstContract(await buildApp({
  config: testConfig({
    ...unlimited,
    // The operations come from the served document.
    DOCS_ENABLED: 'true',
    PUBLIC_BASE_URL,
    SANDBOX_EKYC_WEBHOOK_SECRET: SANDBOX_SECRET,
    // A vendor beside the sandbox: its webhook route and mapping are reached too.
    TRUSTDOCK_API_URL: 'https://api.trustdock.invalid',
    TRUSTDOCK_API_TOKEN: 'hostile-suite-token',
    TRUSTDOCK_PLAN_ID: 'plan_hostile',
    TRUSTDOCK_WEBHOOK_SECRET: TRUSTDOCK_SECRET,
    TRUSTDOCK_APP_URL: 'https://app.trustdock.invalid',
    // Status webhooks are queued (the worker is off), so the admin's re-drive has rows to find.
    STATUS_WEBHOOK_URL: 'https://provisioning.invalid/kakunin',
    STATUS_WEBHOOK_SECRET: 'hostile-suite-status-webhook-secret-012345678',
    // /metrics in the document too, behind its token.
    METRICS: 'on',
    METRICS_TOKEN,
  }),
  databaseUrl,
  logger: false,
  outboxWorker: false,
}))
// Resolved: the generators walk each operation's schemas, which the document names by `$ref`.
const document = await SwaggerParser.dereference((await app.inject({ url: '/docs/json' })).json())
const operations = operationsOf(document as Parameters<typeof operationsOf>[0])
const runsPerOperation = Math.ceil(TOTAL_REQUESTS / operations.length)

let fixtures: Awaited<ReturnType<typeof hostileFixtures>>
let lastChange = 0
const sent = new Map<string, number[]>()

beforeAll(async () => {
  fixtures = await hostileFixtures(app)
  lastChange = (await changesSince(pool, 0)).at(-1)?.id ?? 0
}, 120_000)
afterAll(async () => {
  await app.close()
  await pool.end()
  await database.drop()
})

const files = { jpeg: JPEG, png: PNG, pdf: PDF, junk: Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff)), empty: Buffer.alloc(0), text: Buffer.from('{"file":"x"}') }

function sign(provider: string, secret: string, body: string, now: Date) {
  return provider === 'trustdock'
    ? { header: 'x-trustdock-signature', value: createHmac('sha256', secret).update(body).digest('hex') }
    : { header: SIGNATURE_HEADER, value: signWebhook(secret, body, now) }
}

const APPLICATION_IN_URL = /\/applications\/([0-9a-f-]{36})(?:[/?]|$)/

async function resolverFor(request: HostileRequest): Promise<Resolver> {
  const id = request.body.kind === 'json' && request.body.currentVersion ? request.url.match(APPLICATION_IN_URL)?.[1] : undefined
  const version = id ? (await pool.query<{ version: number }>('SELECT version FROM applications WHERE id = $1', [id])).rows[0]?.version : undefined
  return {
    cookie: fixtures.cookie,
    staffKey: fixtures.staffKey,
    metricsToken: METRICS_TOKEN,
    currentVersion: version,
    webhookSecret: (provider) => (provider === 'trustdock' ? TRUSTDOCK_SECRET : SANDBOX_SECRET),
    sign,
    now: new Date(),
    publicOrigin: PUBLIC_BASE_URL,
    files,
  }
}

interface Answer {
  statusCode: number
  headers: Record<string, unknown>
  body: string
}

function isErrorShape(type: string, body: string): boolean {
  try {
    return type.startsWith('application/json') && errorResponse.safeParse(JSON.parse(body)).success
  } catch {
    return false
  }
}

/** What is wrong with the answer to a request, or null. */
function problemWith(response: Answer, changes: readonly RecordedChange[]): string | null {
  if (response.statusCode >= 500) return `answered ${response.statusCode}`
  if (response.statusCode < 400) return null
  const type = String(response.headers['content-type'] ?? '')
  if (!isErrorShape(type, response.body)) return `answered ${response.statusCode} outside the error shape (${type || 'no content-type'})`
  const changed = changes.filter((change) => !allowedAfterRefusal(change))
  if (changed.length > 0) return `answered ${response.statusCode} but changed stored data: ${changed.map((c) => `${c.operation} ${c.table} ${c.row.slice(0, 200)}`).join('; ')}`
  return null
}

const excerpt = (value: string | Buffer | undefined, max = 600) => {
  const text = value === undefined ? '(none)' : typeof value === 'string' ? value : value.toString('latin1')
  return `${JSON.stringify(text.slice(0, max))}${text.length > max ? ` … (${text.length} characters)` : ''}`
}

function describeRequest(request: InjectRequest, response: Answer) {
  const headers = Object.entries(request.headers).map(([name, value]) => `  ${name}: ${excerpt(String(value), 200)}`)
  return [`${request.method} ${excerpt(request.url, 400)}`, ...headers, `  body: ${excerpt(request.payload)}`, `→ ${response.statusCode} ${excerpt(response.body, 400)}`].join('\n')
}

async function check(request: HostileRequest) {
  const injected = toInject(request, await resolverFor(request))
  const response = await app.inject(injected)
  const changes = await changesSince(pool, lastChange)
  lastChange = changes.at(-1)?.id ?? lastChange
  const statuses = sent.get(request.operation) ?? []
  sent.set(request.operation, statuses)
  statuses.push(response.statusCode)
  const problem = problemWith(response, changes)
  if (problem) throw new Error(`${problem}\n${describeRequest(injected, response)}`)
  // A resume link or owner's confirmation moved an application to a new session: follow it.
  const session = response.cookies.find((cookie) => cookie.name === 'kakunin_applicant')
  if (session?.value) {
    const current = await app.inject({ url: '/api/applications/current', headers: { cookie: `kakunin_applicant=${session.value}` } })
    if (current.statusCode === 200) fixtures.replaceCookie(current.json().id, session.value)
  }
}

describe(`hostile input (seed ${SEED})`, () => {
  it('catches a 5xx, an answer outside the error shape, and a refused request that changed data', async () => {
    const refusal = { statusCode: 400, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"error":{"code":"VALIDATION_FAILED","message":"x"}}' }
    expect(problemWith(refusal, [])).toBeNull()
    expect(problemWith({ ...refusal, statusCode: 500 }, [])).toMatch(/answered 500/)
    expect(problemWith({ ...refusal, body: '{"message":"x"}' }, [])).toMatch(/outside the error shape/)
    expect(problemWith({ ...refusal, headers: { 'content-type': 'text/plain' } }, [])).toMatch(/outside the error shape/)

    // A deliberate write is seen: had it come with a refusal, the suite would fail.
    const id = fixtures.targets.applicants.find((a) => a.label === 'fresh')!.id
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/applications/${id}/steps/type`,
      headers: { cookie: `kakunin_applicant=${fixtures.cookie('fresh')}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ version: (await pool.query('SELECT version FROM applications WHERE id = $1', [id])).rows[0].version, values: { applicantType: 'INDIVIDUAL' } }),
    })
    expect(saved.statusCode).toBe(200)
    const changes = await changesSince(pool, lastChange)
    lastChange = changes.at(-1)?.id ?? lastChange
    expect(changes.map((c) => c.table)).toContain('applications')
    expect(problemWith(refusal, changes)).toMatch(/changed stored data: UPDATE applications/)
    // A refused transition's record is the one write a refusal may leave.
    expect(problemWith(refusal, [{ id: 1, table: 'application_events', operation: 'INSERT', eventType: 'TRANSITION_REFUSED', row: '' }])).toBeNull()
  })

  for (const [index, operation] of operations.entries()) {
    it(operation.name, async () => {
      await fc.assert(
        fc.asyncProperty(hostileRequests(operation, fixtures.targets), check),
        {
          numRuns: runsPerOperation,
          seed: SEED + index,
          endOnFailure: true,
          reporter: (run) => {
            if (!run.failed) return
            throw new Error(
              `hostile input failed on ${operation.name} after ${run.numRuns} requests (FAST_CHECK_SEED=${SEED}, seed ${run.seed}, path ${run.counterexamplePath}):\n` +
                `${run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance)}`,
            )
          },
        },
      )
    }, 120_000)
  }

  it(`sent at least ${TOTAL_REQUESTS} requests over every operation, and reached validators and services`, () => {
    const statuses = [...sent.values()].flat()
    expect(statuses.length).toBeGreaterThanOrEqual(TOTAL_REQUESTS)
    expect([...sent.keys()].sort()).toEqual(operations.map((o) => o.name).sort())
    // Past authentication, parsing and validation: each operation accepted some requests, or refused them by its rules (409).
    const reached = [...sent.entries()].filter(([, codes]) => codes.some((code) => code < 300 || code === 409)).map(([name]) => name)
    expect(operations.map((o) => o.name).filter((name) => !reached.includes(name))).toEqual([])
    expect(statuses.filter((code) => code < 300).length).toBeGreaterThan(TOTAL_REQUESTS / 50)
  })
})
