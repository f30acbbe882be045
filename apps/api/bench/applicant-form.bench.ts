// pnpm bench: the applicant's save-step and submit endpoints under load, beside a bare Fastify
// route doing the same single write with pg, in the same run. The API and the bare route run in a
// child process (bench-server.ts); autocannon runs here, so the load generator and the app do not
// share an event loop. Prints req/s, p50/p99 and the ratio to the bare route. Loopback only,
// bounded in time and count. BENCH_CPU_PROF=dir writes the server's CPU profile there.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fork } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'
import { createDatabaseIfMissing, dropDatabase } from '#src/db/database.ts'
import { startEmbeddedPostgres } from '#src/db/embedded-postgres.ts'
import { applyMigrations } from '#src/db/migrations/migrator.ts'
import { hashSessionToken, newSessionToken } from '#src/applicant-session/session-token.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 8000)
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 2)
/** BENCH_PG_STATS=1: pg_stat_statements during the submit run, printed per statement. */
const PG_STATS = process.env.BENCH_PG_STATS === '1'
/** Targets of issue 15, printed beside the figures (a bench reports; it does not fail the build). */
const TARGETS = { save: 0.7, submit: 0.5, p99: 25 }

interface Applicant {
  id: string
  cookie: string
  version: number
}

interface Servers {
  appUrl: string
  bareUrl: string
  pid: number | undefined
  close(): Promise<void>
}

/** The API and the baseline in their own process; with BENCH_CPU_PROF, profiled there. */
async function startServers(databaseUrl: string): Promise<Servers> {
  const profileDir = process.env.BENCH_CPU_PROF
  const child = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
    execArgv: [...process.execArgv, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const urls = await new Promise<{ appUrl: string; bareUrl: string }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { appUrl: string; bareUrl: string }))
    child.once('exit', (code) => reject(new Error(`bench-server exited with ${code}`)))
  })
  return {
    ...urls,
    pid: child.pid,
    close: async () => {
      child.send('close')
      await exited
    },
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-bench-'))
  fs.chmodSync(dataDir, 0o755)
  let cluster = await startEmbeddedPostgres({ dataDir })
  if (PG_STATS) cluster = await withStatementStatistics(cluster, dataDir)
  const maintenanceUrl = cluster.url('postgres')
  await createDatabaseIfMissing(maintenanceUrl, 'kakunin_bench')
  const databaseUrl = cluster.url('kakunin_bench')
  await applyMigrations(databaseUrl)
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 })
  let servers: Servers | undefined

  try {
    servers = await startServers(databaseUrl)
    cpuWatch = { serverPid: servers.pid, dataDir }
    // A fresh set per run: requests still in flight when a timed run ends leave versions unknown.
    const drafts = () => seedApplicants(pool, CONNECTIONS * 2, { type: validAnswers.type })
    const complete = (count: number) => seedApplicants(pool, count, validAnswers)
    const bare = (a: Applicant) => ({ method: 'PUT' as const, path: `/bare/${a.id}`, body: JSON.stringify({ values: validAnswers.purpose }) })
    const save = (a: Applicant) => ({
      method: 'PUT' as const,
      path: `/api/applications/${a.id}/steps/purpose`,
      headers: { cookie: a.cookie },
      body: JSON.stringify({ version: a.version, values: validAnswers.purpose, resumeAt: 'extra' }),
    })
    const submit = (a: Applicant) => ({
      method: 'POST' as const,
      path: `/api/applications/${a.id}/submit`,
      headers: { cookie: a.cookie },
      body: JSON.stringify({ version: a.version }),
    })

    // Warm-up, not measured: the JIT, the pools' connections and each connection's named plans.
    if (WARMUP_S > 0) {
      await run('warm-up', servers.bareUrl, await drafts(), bare, { duration: WARMUP_S })
      await run('warm-up', servers.appUrl, await drafts(), save, { duration: WARMUP_S })
      await run('warm-up', servers.appUrl, await complete(CONNECTIONS * 20), submit, { once: true })
    }
    const submitters = await complete(SUBMITS)
    const results = [
      await run('bare Fastify + pg UPDATE', servers.bareUrl, await drafts(), bare),
      await run('PUT /api/applications/:id/steps/purpose', servers.appUrl, await drafts(), save),
    ]
    if (PG_STATS) await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()')
    results.push(await run('POST /api/applications/:id/submit', servers.appUrl, submitters, submit, { once: true }))
    if (PG_STATS) await printStatementStatistics(pool, SUBMITS)
    const baseline = results[0]?.requestsPerSecond ?? NaN
    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s per save run, ${SUBMITS} submits; load generator in its own process (pid ${process.pid}), server pid ${servers.pid}\n`)
    console.log('endpoint                                   req/s    p50 ms  p99 ms  non-2xx  ratio to bare  CPU ms/request: server  postgres')
    for (const r of results) {
      const ratio = r.requestsPerSecond / baseline
      console.log(
        `${r.name.padEnd(42)} ${r.requestsPerSecond.toFixed(0).padStart(6)} ${r.p50.toFixed(1).padStart(8)} ${r.p99
          .toFixed(1)
          .padStart(7)} ${String(r.errors).padStart(8)}  ${ratio.toFixed(2).padStart(13)}  ${(r.cpu?.server.toFixed(2) ?? '-').padStart(22)}  ${(r.cpu?.postgres.toFixed(2) ?? '-').padStart(8)}`,
      )
    }
    const [, saved, submitted] = results
    if (saved && submitted) {
      console.log(
        `\ntargets: save-step ≥ ${TARGETS.save} (${(saved.requestsPerSecond / baseline).toFixed(2)}), submit ≥ ${TARGETS.submit} (${(submitted.requestsPerSecond / baseline).toFixed(2)}), p99 ≤ ${TARGETS.p99} ms (${saved.p99.toFixed(1)} / ${submitted.p99.toFixed(1)})`,
      )
    }
  } finally {
    await servers?.close()
    await pool.end()
    await dropDatabase(maintenanceUrl, 'kakunin_bench').catch(() => {})
    await cluster.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The cluster restarted with pg_stat_statements loaded (it must be preloaded). */
async function withStatementStatistics(cluster: Awaited<ReturnType<typeof startEmbeddedPostgres>>, dataDir: string) {
  const admin = new pg.Client({ connectionString: cluster.url('postgres') })
  await admin.connect()
  await admin.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`)
  await admin.query(`ALTER SYSTEM SET pg_stat_statements.track = 'all'`)
  await admin.query(`ALTER SYSTEM SET pg_stat_statements.track_planning = on`)
  await admin.end()
  await cluster.stop()
  return startEmbeddedPostgres({ dataDir })
}

/** What the database did for the submits: each statement's calls, mean time and share. */
async function printStatementStatistics(pool: pg.Pool, requests: number) {
  const { rows } = await pool.query<{ query: string; calls: string; mean: number; total: number; plans: string; plan: number }>(
    `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, calls, mean_exec_time AS mean, total_exec_time AS total, plans, mean_plan_time AS plan
       FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 12`,
  )
  console.log(`\nthe database during the submit run (pg_stat_statements, ${requests} requests):`)
  console.log('calls/request  mean ms  total ms  plans  plan ms  statement')
  for (const row of rows) {
    console.log(
      `${(Number(row.calls) / requests).toFixed(2).padStart(13)} ${row.mean.toFixed(3).padStart(8)} ${row.total.toFixed(0).padStart(9)} ${row.plans.padStart(6)} ${row.plan.toFixed(3).padStart(8)}  ${row.query.slice(0, 120)}`,
    )
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
  /** CPU time per request, in ms, of the server process and of PostgreSQL (Linux only). */
  cpu: { server: number; postgres: number } | null
}

// Where the time goes, per request: CPU of the server process and of every PostgreSQL process
// (its backends, WAL writer, checkpointer), read from /proc before and after each run.
const TICK_MS = 10

function cpuTicks(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return 0
  }
}

function postgresPids(dataDir: string): number[] {
  try {
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0])
    const children = fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === postmaster
        } catch {
          return false
        }
      })
      .map(Number)
    return [postmaster, ...children]
  } catch {
    return []
  }
}

interface CpuWatch {
  serverPid: number | undefined
  dataDir: string
}

function cpuSnapshot(watch: CpuWatch) {
  const postgres = postgresPids(watch.dataDir)
  return {
    server: watch.serverPid ? cpuTicks(watch.serverPid) : 0,
    postgres: new Map(postgres.map((pid) => [pid, cpuTicks(pid)])),
  }
}

function cpuPerRequest(watch: CpuWatch, before: ReturnType<typeof cpuSnapshot>, requests: number): Result['cpu'] {
  if (!fs.existsSync('/proc/self/stat') || requests === 0) return null
  const after = cpuSnapshot(watch)
  let postgres = 0
  for (const [pid, ticks] of after.postgres) postgres += ticks - (before.postgres.get(pid) ?? 0)
  return { server: ((after.server - before.server) * TICK_MS) / requests, postgres: (postgres * TICK_MS) / requests }
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
  { once = false, duration = DURATION_S } = {},
): Promise<Result> {
  const free = [...applicants]
  const before = cpuWatch ? cpuSnapshot(cpuWatch) : null
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    ...(once ? { amount: applicants.length } : { duration }),
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
    // All responses over the whole run: the per-second average drops a last, partial second.
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    cpu: cpuWatch && before ? cpuPerRequest(cpuWatch, before, result.requests.total) : null,
  }
}

let cpuWatch: CpuWatch | null = null

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
