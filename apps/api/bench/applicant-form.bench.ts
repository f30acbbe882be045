// pnpm bench: the applicant's save-step and submit endpoints under load, beside a bare Fastify
// route doing the same single write with pg, in the same run and process. Prints req/s, p50/p99
// and the ratio to the bare route. Loopback only, bounded in time and count.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import pg from 'pg'
import { buildApp } from '#src/app.ts'
import { loadConfig } from '#src/config/config.ts'
import { createDatabaseIfMissing, dropDatabase } from '#src/db/database.ts'
import { startEmbeddedPostgres } from '#src/db/embedded-postgres.ts'
import { applyMigrations } from '#src/db/migrations/migrator.ts'
import { hashSessionToken, newSessionToken } from '#src/applicant-session/session-token.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 8000)

interface Applicant {
  id: string
  cookie: string
  version: number
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-bench-'))
  fs.chmodSync(dataDir, 0o755)
  const cluster = await startEmbeddedPostgres({ dataDir })
  const maintenanceUrl = cluster.url('postgres')
  await createDatabaseIfMissing(maintenanceUrl, 'kakunin_bench')
  const databaseUrl = cluster.url('kakunin_bench')
  await applyMigrations(databaseUrl)
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })

  const app = await buildApp({
    config: loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: '/nonexistent',
      // Production refuses the sandbox; the vendor adapter is configured but never called here.
      EKYC_PROVIDER: 'trustdock',
      TRUSTDOCK_API_URL: 'https://trustdock.invalid',
      TRUSTDOCK_API_TOKEN: 'bench',
      TRUSTDOCK_PLAN_ID: 'bench',
      TRUSTDOCK_WEBHOOK_SECRET: 'bench-secret-bench-secret-bench-secret',
      TRUSTDOCK_APP_URL: 'https://trustdock.invalid/app',
      PUBLIC_BASE_URL: 'http://127.0.0.1',
      SMTP_URL: 'smtp://127.0.0.1:9',
    }),
    databaseUrl,
    logger: process.env.BENCH_DEBUG ? { level: 'error' } : false,
    outboxWorker: false,
  })
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 })

  // The baseline: one UPDATE through node-postgres, no session, no validation, no event.
  const bare = Fastify({ logger: false })
  bare.put<{ Params: { id: string }; Body: { values: unknown } }>('/bare/:id', async (request) => {
    const { rows } = await pool.query('UPDATE applications SET answers = $1, version = version + 1 WHERE id = $2 RETURNING version', [
      { purpose: request.body.values },
      request.params.id,
    ])
    return { version: rows[0].version }
  })
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 })

  try {
    // A fresh set per run: requests still in flight when a timed run ends leave versions unknown.
    const drafts = () => seedApplicants(pool, CONNECTIONS * 2, { type: validAnswers.type })
    const complete = await seedApplicants(pool, SUBMITS, validAnswers)

    const results = [
      await run('bare Fastify + pg UPDATE', bareUrl, await drafts(), (a) => ({
        method: 'PUT',
        path: `/bare/${a.id}`,
        body: JSON.stringify({ values: validAnswers.purpose }),
      })),
      await run('PUT /api/applications/:id/steps/purpose', appUrl, await drafts(), (a) => ({
        method: 'PUT',
        path: `/api/applications/${a.id}/steps/purpose`,
        headers: { cookie: a.cookie },
        body: JSON.stringify({ version: a.version, values: validAnswers.purpose, resumeAt: 'extra' }),
      })),
      await run(
        'POST /api/applications/:id/submit',
        appUrl,
        complete,
        (a) => ({
          method: 'POST',
          path: `/api/applications/${a.id}/submit`,
          headers: { cookie: a.cookie },
          body: JSON.stringify({ version: a.version }),
        }),
        { once: true },
      ),
    ]
    const baseline = results[0]?.requestsPerSecond ?? NaN
    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s per save run, ${SUBMITS} submits\n`)
    console.log('endpoint                                   req/s    p50 ms  p99 ms  non-2xx  ratio to bare')
    for (const r of results) {
      const ratio = r.requestsPerSecond / baseline
      console.log(
        `${r.name.padEnd(42)} ${r.requestsPerSecond.toFixed(0).padStart(6)} ${r.p50.toFixed(1).padStart(8)} ${r.p99
          .toFixed(1)
          .padStart(7)} ${String(r.errors).padStart(8)}  ${ratio.toFixed(2)}`,
      )
    }
  } finally {
    await app.close()
    await bare.close()
    await pool.end()
    await dropDatabase(maintenanceUrl, 'kakunin_bench').catch(() => {})
    await cluster.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Applications with answers and a session each, inserted directly so that seeding stays quick. */
let seeded = 0

async function seedApplicants(pool: pg.Pool, count: number, answers: object): Promise<Applicant[]> {
  const applicants: Applicant[] = []
  for (let i = 0; i < count; i += 500) {
    const batch = Array.from({ length: Math.min(500, count - i) }, () => ({ id: randomUUID(), token: newSessionToken() }))
    await pool.query(
      `INSERT INTO applications (id, reference, flow, answers, updated_at)
       SELECT id, 'KYC-20000101-' || lpad(($3 + n)::text, 6, '0'), 'FIRST_TIME', $2, now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [batch.map((b) => b.id), answers, seeded],
    )
    seeded += batch.length
    await pool.query(
      `INSERT INTO applicant_sessions (id, application_id, token_hash, expires_at)
       SELECT gen_random_uuid(), a, h, now() + interval '1 day' FROM unnest($1::uuid[], $2::text[]) AS t(a, h)`,
      [batch.map((b) => b.id), batch.map((b) => hashSessionToken(b.token))],
    )
    applicants.push(...batch.map((b) => ({ id: b.id, cookie: `kakunin_applicant=${b.token}`, version: 1 })))
  }
  return applicants
}

interface Result {
  name: string
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
}

/**
 * Each request takes an applicant no other connection is using and gives it back with its new
 * version, so every write is a real, non-conflicting one. `once`: each applicant is used once.
 */
async function run(
  name: string,
  url: string,
  applicants: Applicant[],
  request: (a: Applicant) => { method: 'PUT' | 'POST'; path: string; body: string; headers?: Record<string, string> },
  { once = false } = {},
): Promise<Result> {
  const free = [...applicants]
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    ...(once ? { amount: applicants.length } : { duration: DURATION_S }),
    requests: [
      {
        setupRequest: (req, context) => {
          const applicant = free.shift()
          if (!applicant) throw new Error('more connections than applicants')
          Object.assign(context, { applicant })
          const { headers, ...rest } = request(applicant)
          return { ...req, ...rest, headers: { ...req.headers, 'content-type': 'application/json', ...headers } }
        },
        onResponse: (status, body, context) => {
          const { applicant } = context as { applicant: Applicant }
          if (status === 200) applicant.version = JSON.parse(body).version
          else if (process.env.BENCH_DEBUG) console.error(status, body)
          if (!once) free.push(applicant)
        },
      },
    ],
  })
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
