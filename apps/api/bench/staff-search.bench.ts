// pnpm bench:search (pnpm --filter @kakunin/api bench:staff): 1,000,000 applications seeded in SQL
// (BENCH_ROWS), then every kind of staff search timed through the real HTTP stack (inject): p50 and
// p95 over BENCH_CALLS calls with varying values, and EXPLAIN (ANALYZE, BUFFERS) of the very SELECT
// the endpoint ran, showing the index it uses. A bench, not a test: it reports, it fails nothing.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { buildApp } from '#src/app.ts'
import { loadConfig } from '#src/config/config.ts'
import { createDatabaseIfMissing, dropDatabase } from '#src/db/database.ts'
import { startEmbeddedPostgres } from '#src/db/embedded-postgres.ts'
import { applyMigrations } from '#src/db/migrations/migrator.ts'
import { PrismaClient } from '#src/generated/prisma/client.ts'
import { listApplications } from '#src/staff/list-applications.ts'
import { createStaffKey } from '#src/staff/staff-keys.ts'
import { staffApplicationQuery } from '@kakunin/schema/staff'
import { seedApplications } from './seed-applications.ts'

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const CALLS = Number(process.env.BENCH_CALLS ?? 100)
const TARGET_P95_MS = 20
/** BENCH_PLANS=0: only the table; the plans are printed by default. */
const PRINT_PLANS = process.env.BENCH_PLANS !== '0'

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN

/** A search: its name, and the query of call `i` (values vary between calls, as staff's do). */
interface Search {
  name: string
  query: (i: number) => string
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString()
const pick = <T>(values: readonly T[], i: number) => values[i % values.length] as T

async function main() {
  const started = performance.now()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-bench-staff-'))
  fs.chmodSync(dataDir, 0o755)
  const cluster = await startEmbeddedPostgres({ dataDir })
  await createDatabaseIfMissing(cluster.url('postgres'), 'kakunin_bench')
  const url = cluster.url('kakunin_bench')
  await applyMigrations(url)
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  const app = await buildApp({
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' }),
    databaseUrl: url,
    logger: false,
    outboxWorker: false,
  })
  // A second client that reports its SQL, to EXPLAIN exactly what the endpoint runs.
  const traced = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: 'event', level: 'query' }] })
  ;(traced.$on as (event: 'query', callback: (e: { query: string; params: string }) => void) => void)('query', (event) => statements.push(event))
  try {
    const seed = await seedApplications(pool, ROWS)
    console.log(`seeded ${ROWS.toLocaleString('en')} applications in ${seed.seconds.toFixed(1)} s (rows ${seed.insertSeconds.toFixed(1)} s, indexes ${seed.indexSeconds.toFixed(1)} s, ANALYZE ${seed.analyzeSeconds.toFixed(1)} s)`)
    const { key } = await createStaffKey(app.prisma, { name: 'bench', role: 'VIEWER', person: { name: 'ベンチ 太郎', department: '性能測定' } })
    const headers = { authorization: `Bearer ${key}` }
    const list = async (query: string) => {
      const response = await app.inject({ url: `/api/staff/applications?limit=50${query ? `&${query}` : ''}`, headers })
      if (response.statusCode !== 200) throw new Error(`${query}: ${response.statusCode} ${response.body}`)
      return response.json() as { items: unknown[]; nextCursor: string | null }
    }
    const samples = await samplesOf(pool)
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 864e5).toISOString().slice(0, 10)
    // Cursors: the second page of the newest, a page deep in the list, the second page of a short name.
    const cursors = {
      second: (await list('')).nextCursor ?? '',
      deep: Buffer.from(JSON.stringify({ c: samples.middle.created_at.toISOString(), i: samples.middle.id })).toString('base64url'),
      shortName: (await list(q({ name: '林' }))).nextCursor ?? '',
    }

    const searches: Search[] = [
      { name: 'newest first (no filter)', query: () => '' },
      { name: 'status (common: APPROVED)', query: () => q({ status: 'APPROVED' }) },
      { name: 'status (rare: ENHANCED_REVIEW)', query: () => q({ status: 'ENHANCED_REVIEW' }) },
      { name: 'flow=LINK_VERIFIED', query: () => q({ flow: 'LINK_VERIFIED' }) },
      { name: 'accountSid (exact)', query: (i) => q({ accountSid: pick(samples.sids, i) }) },
      { name: 'accountSid (none such)', query: (i) => q({ accountSid: `AC${'0'.repeat(31)}${i % 10}` }) },
      { name: 'email (exact, any case)', query: (i) => q({ email: pick(samples.emails, i).toUpperCase() }) },
      { name: 'reference (exact)', query: (i) => q({ reference: pick(samples.references, i) }) },
      { name: 'name, 1 kanji (林 森 原 関 東…)', query: (i) => q({ name: pick(['林', '森', '原', '関', '東', '堀', '辻', '岡'], i) }) },
      { name: 'name, 1 kanji, rare (李 王 朴 金)', query: (i) => q({ name: pick(['李', '王', '朴', '崔'], i) }) },
      { name: 'name, 1 kanji, none such', query: (i) => q({ name: pick(['鬱', '龘', '鑫', '麤'], i) }) },
      { name: 'name, 1 kana (リ ぬ)', query: (i) => q({ name: pick(['リ', 'ぬ', 'ヱ', 'ぢ'], i) }) },
      { name: 'name, 2 kanji (佐藤 田中 小林…)', query: (i) => q({ name: pick(['佐藤', '田中', '小林', '山田', '中村', '伊藤'], i) }) },
      { name: 'name, 2 kanji, rare (東海 勅使)', query: (i) => q({ name: pick(['東海', '勅使', '御手', '五十'], i) }) },
      { name: 'name, 2 kana (サト はや)', query: (i) => q({ name: pick(['サト', 'はや', 'モリ', 'リン'], i) }) },
      { name: 'name, 3+ kanji (佐藤 美咲)', query: (i) => q({ name: pick(['佐藤 美咲', '高橋 健太', '渡辺 陽菜', '勅使河原'], i) }) },
      { name: 'name, 3+ kana/hiragana', query: (i) => q({ name: pick(['たなか', 'ヤマモト', 'さくら', 'コバヤシ'], i) }) },
      { name: 'created range (one month)', query: () => q({ createdFrom: day(45), createdTo: day(15) }) },
      { name: 'created range (a day, a year ago)', query: () => q({ createdFrom: day(365), createdTo: day(365) }) },
      { name: 'submitted range (one month)', query: () => q({ submittedFrom: day(45), submittedTo: day(15) }) },
      { name: 'status + name (1 kanji)', query: (i) => q({ status: 'APPROVED', name: pick(['林', '森', '李'], i) }) },
      { name: 'status + name (2 kanji)', query: (i) => q({ status: 'IN_REVIEW', name: pick(['山田', '佐藤', '東海'], i) }) },
      { name: 'status + created range', query: () => q({ status: 'DENIED', createdFrom: day(200), createdTo: day(170) }) },
      { name: 'name + created range', query: (i) => q({ name: pick(['林', '佐藤', 'たなか'], i), createdFrom: day(400), createdTo: day(300) }) },
      { name: 'page 2 (cursor)', query: () => q({ cursor: cursors.second }) },
      { name: 'deep page (cursor, mid-list)', query: () => q({ cursor: cursors.deep }) },
      { name: 'name 林, page 2 (cursor)', query: () => q({ name: '林', cursor: cursors.shortName }) },
    ]

    const results: { name: string; p50: number; p95: number; rows: number; plan: string; execution: number }[] = []
    for (const search of searches) {
      for (let i = 0; i < 5; i++) await list(search.query(i)) // warm: plans, buffers
      const timings: number[] = []
      let rows = 0
      for (let i = 0; i < CALLS; i++) {
        const query = search.query(i)
        const t = performance.now()
        rows = (await list(query)).items.length
        timings.push(performance.now() - t)
      }
      const explained = await explain(traced, pool, search.query(0))
      results.push({ name: search.name, p50: percentile(timings, 50), p95: percentile(timings, 95), rows, plan: explained.indexes, execution: explained.execution })
      if (PRINT_PLANS) console.log(`\n── ${search.name}: ?${search.query(0) || '(none)'}\n${explained.text}`)
    }

    console.log(`\n${ROWS.toLocaleString('en')} applications; ${CALLS} sequential calls per search (values vary), limit 50, through app.inject\n`)
    // p50/p95: the whole request (HTTP stack, Prisma, PostgreSQL); SQL ms: the SELECT's own execution in EXPLAIN ANALYZE (first value).
    console.log(`${'search'.padEnd(36)} p50 ms  p95 ms  SQL ms  rows  index (EXPLAIN above)`)
    for (const r of results) {
      console.log(`${r.name.padEnd(36)} ${r.p50.toFixed(1).padStart(6)} ${r.p95.toFixed(1).padStart(7)} ${r.execution.toFixed(2).padStart(7)} ${String(r.rows).padStart(5)}  ${r.plan}`)
    }
    const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a))
    console.log(`\nworst p95: ${worst.p95.toFixed(1)} ms (${worst.name}; target ≤ ${TARGET_P95_MS} ms); whole bench ${((performance.now() - started) / 1000).toFixed(0)} s`)
  } finally {
    await traced.$disconnect()
    await app.close()
    await pool.end()
    await dropDatabase(cluster.url('postgres'), 'kakunin_bench').catch(() => {})
    await cluster.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Values that exist, to search by: some SIDs, emails and references, and a row in the middle. */
async function samplesOf(pool: pg.Pool) {
  const { rows } = await pool.query<{ account_sid: string; login_email: string; reference: string }>(
    'SELECT account_sid, login_email, reference FROM applications TABLESAMPLE SYSTEM (1) WHERE account_sid IS NOT NULL LIMIT 50',
  )
  const { rows: [middle] } = await pool.query<{ id: string; created_at: Date }>('SELECT id, created_at FROM applications ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1', [Math.floor(ROWS / 2)])
  if (!middle || rows.length === 0) throw new Error('nothing seeded')
  return { sids: rows.map((r) => r.account_sid), emails: rows.map((r) => r.login_email), references: rows.map((r) => r.reference), middle }
}

const statements: { query: string; params: string }[] = []

/** EXPLAIN (ANALYZE, BUFFERS) of the SELECT the endpoint runs for this query, and the indexes it names. */
async function explain(traced: PrismaClient, pool: pg.Pool, query: string): Promise<{ text: string; indexes: string; execution: number }> {
  statements.length = 0
  const parsed = staffApplicationQuery.parse({ limit: '50', ...Object.fromEntries(new URLSearchParams(query)) })
  await listApplications({ prisma: traced }, parsed)
  const select = statements.reverse().find((s) => s.query.startsWith('SELECT'))
  if (!select) return { text: '?', indexes: '?', execution: NaN }
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${select.query}`, JSON.parse(select.params) as unknown[])
  const lines = rows.map((row) => row['QUERY PLAN'])
  const execution = Number(lines.find((line) => line.startsWith('Execution Time'))?.match(/[\d.]+/)?.[0] ?? NaN)
  const used = lines
    .map((line) => line.match(/(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?(?: using| on) (\S+)/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => `${match[1]} ${match[2]}`)
  return { text: lines.map((line) => `   ${line}`).join('\n'), indexes: [...new Set(used)].join(', '), execution }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
