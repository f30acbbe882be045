// pnpm --filter @kakunin/api bench:staff — 100k applications, the staff list/search calls timed
// through the real HTTP stack (inject), p50/p95 per kind of search, and the plan (indexes) each uses.
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

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000)
const CALLS = Number(process.env.BENCH_CALLS ?? 200)

const FAMILY = [['山田', 'ヤマダ'], ['佐藤', 'サトウ'], ['鈴木', 'スズキ'], ['高橋', 'タカハシ'], ['田中', 'タナカ'], ['伊藤', 'イトウ'], ['渡辺', 'ワタナベ'], ['中村', 'ナカムラ'], ['小林', 'コバヤシ'], ['加藤', 'カトウ'], ['吉田', 'ヨシダ'], ['山本', 'ヤマモト'], ['松本', 'マツモト'], ['井上', 'イノウエ'], ['木村', 'キムラ'], ['林', 'ハヤシ'], ['斎藤', 'サイトウ'], ['清水', 'シミズ'], ['山口', 'ヤマグチ'], ['森', 'モリ']]
const GIVEN = [['太郎', 'タロウ'], ['花子', 'ハナコ'], ['一郎', 'イチロウ'], ['美咲', 'ミサキ'], ['健太', 'ケンタ'], ['結衣', 'ユイ'], ['翔太', 'ショウタ'], ['陽菜', 'ヒナ'], ['大輔', 'ダイスケ'], ['さくら', 'サクラ'], ['蓮', 'レン'], ['葵', 'アオイ']]

async function seed(pool: pg.Pool) {
  const started = performance.now()
  await pool.query(
    `INSERT INTO applications (id, reference, flow, status, version, answers, created_at, updated_at, submitted_at,
                               account_sid, login_email, contact_email, full_name, full_name_kana)
     SELECT gen_random_uuid(),
            'KYC-' || to_char(created, 'YYYYMMDD') || '-' || lpad(i::text, 6, '0'),
            (CASE WHEN i % 10 = 0 THEN 'LINK_VERIFIED' ELSE 'FIRST_TIME' END)::"ApplicationFlow",
            (ARRAY['DRAFT','SUBMITTED','VERIFYING','IN_REVIEW','APPROVED','APPROVED','APPROVED','DENIED'])[1 + i % 8]::"ApplicationStatus",
            1, '{}'::jsonb, created, created, CASE WHEN i % 8 = 0 THEN NULL ELSE created + interval '10 minutes' END,
            'AC' || md5(i::text), 'user' || i || '@example.com', 'contact' || i || '@example.net',
            ($1::text[])[1 + i % array_length($1, 1)] || ' ' || ($2::text[])[1 + (i / 20) % array_length($2, 1)],
            ($3::text[])[1 + i % array_length($3, 1)] || ' ' || ($4::text[])[1 + (i / 20) % array_length($4, 1)]
       FROM generate_series(1, $5::int) AS i,
            LATERAL (SELECT now() - (i * (interval '365 days' / $5::int)) AS created) AS t`,
    [FAMILY.map((f) => f[0]), GIVEN.map((g) => g[0]), FAMILY.map((f) => f[1]), GIVEN.map((g) => g[1]), ROWS],
  )
  await pool.query('ANALYZE applications')
  return ((performance.now() - started) / 1000).toFixed(1)
}

const SEARCHES: Record<string, string> = {
  'newest first (no filter)': '',
  'status=IN_REVIEW': 'status=IN_REVIEW',
  'accountSid (exact)': `accountSid=AC${'c4ca4238a0b923820dcc509a6f75849b'}`,
  'email (exact, any case)': 'email=USER4242@example.com',
  'name, kanji (2 chars)': `name=${encodeURIComponent('佐藤')}`,
  'name, kanji (full)': `name=${encodeURIComponent('佐藤 美咲')}`,
  'name, hiragana → kana': `name=${encodeURIComponent('たなか')}`,
  'reference (exact)': 'reference=PLACEHOLDER',
  'created range (one month)': 'createdFrom=MONTH_START&createdTo=MONTH_END',
  'status + name': `status=APPROVED&name=${encodeURIComponent('山田')}`,
  'page 2 (cursor)': 'CURSOR',
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN

async function main() {
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
    console.log(`seeding ${ROWS} applications … ${await seed(pool)} s`)
    const { key } = await createStaffKey(app.prisma, { name: 'bench', role: 'VIEWER', person: { name: 'ベンチ 太郎', department: '性能測定' } })
    const headers = { authorization: `Bearer ${key}` }
    const { rows: [sample] } = await pool.query<{ reference: string }>('SELECT reference FROM applications ORDER BY random() LIMIT 1')
    const monthAgo = new Date(Date.now() - 45 * 864e5).toISOString().slice(0, 10)
    const monthEnd = new Date(Date.now() - 15 * 864e5).toISOString().slice(0, 10)
    const firstPage = await app.inject({ url: '/api/staff/applications?limit=50', headers })
    const cursor = firstPage.json().nextCursor as string

    console.log(`\n${CALLS} sequential calls each, limit 50, through app.inject\n`)
    console.log('search                          p50 ms  p95 ms  rows  plan')
    let worst = 0
    for (const [name, template] of Object.entries(SEARCHES)) {
      const query = template === 'CURSOR' ? `cursor=${cursor}` : template.replace('PLACEHOLDER', sample?.reference ?? '').replace('MONTH_START', monthAgo).replace('MONTH_END', monthEnd)
      const timings: number[] = []
      let count = 0
      for (let i = 0; i < CALLS; i++) {
        const started = performance.now()
        const response = await app.inject({ url: `/api/staff/applications?limit=50${query ? `&${query}` : ''}`, headers })
        timings.push(performance.now() - started)
        if (response.statusCode !== 200) throw new Error(`${name}: ${response.statusCode} ${response.body}`)
        count = response.json().items.length
      }
      const plan = await planOf(traced, pool, query)
      const p95 = percentile(timings, 95)
      worst = Math.max(worst, p95)
      console.log(`${name.padEnd(30)} ${percentile(timings, 50).toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)} ${String(count).padStart(5)}  ${plan}`)
    }
    console.log(`\nworst p95: ${worst.toFixed(1)} ms (target ≤ 20 ms)`)
  } finally {
    await traced.$disconnect()
    await app.close()
    await pool.end()
    await dropDatabase(cluster.url('postgres'), 'kakunin_bench').catch(() => {})
    await cluster.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The indexes (or scans) of the plan of the SELECT the endpoint runs for this query. */
const statements: { query: string; params: string }[] = []

async function planOf(traced: PrismaClient, pool: pg.Pool, query: string): Promise<string> {
  statements.length = 0
  const parsed = staffApplicationQuery.parse({ limit: '50', ...Object.fromEntries(new URLSearchParams(query)) })
  await listApplications({ prisma: traced }, parsed)
  const select = statements.reverse().find((s) => s.query.startsWith('SELECT'))
  if (!select) return '?'
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${select.query}`, JSON.parse(select.params) as unknown[])
  const used = rows
    .map((row) => row['QUERY PLAN'].match(/(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?(?: using| on) (\S+)/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => `${match[1]} ${match[2]}`)
  return [...new Set(used)].join(', ')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
