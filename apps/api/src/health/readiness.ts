import type pg from 'pg'
import { isDatabaseUnavailable } from '#src/http/database-unavailable.ts'

export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason; pending?: number }
export type NotReadyReason = 'DATABASE_UNREACHABLE' | 'DATABASE_TIMEOUT' | 'MIGRATIONS_MISSING' | 'MIGRATIONS_PENDING' | 'DATABASE_ERROR'

/** Probes come every few seconds from each load balancer: an answer is reused this long. */
const CACHE_MS = 2000
/** A probe must answer even when every pooled connection is busy or the server hangs. */
const TIMEOUT_MS = 2000

class Timeout extends Error {}

/**
 * Whether this instance can serve: the database answers, and every migration directory this
 * release ships is recorded as finished (and not rolled back) in Prisma's `_prisma_migrations`,
 * the table the migrator writes. One small query, its outcome cached for CACHE_MS and shared by
 * concurrent probes.
 */
export function readinessCheck(pool: pg.Pool, expectedMigrations: readonly string[], now = () => Date.now()) {
  let cached: { at: number; result: Promise<Readiness> } | undefined

  async function probe(): Promise<Readiness> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout()), TIMEOUT_MS)
    })
    try {
      const { rows } = await Promise.race([
        pool.query<{ migration_name: string }>(
          'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        ),
        timeout,
      ])
      const applied = new Set(rows.map((row) => row.migration_name))
      const pending = expectedMigrations.filter((name) => !applied.has(name)).length
      return pending === 0 ? { ready: true } : { ready: false, reason: 'MIGRATIONS_PENDING', pending }
    } catch (error) {
      if (error instanceof Timeout) return { ready: false, reason: 'DATABASE_TIMEOUT' }
      // 42P01: no _prisma_migrations table, so nothing was ever migrated here.
      if ((error as { code?: unknown }).code === '42P01') return { ready: false, reason: 'MIGRATIONS_MISSING' }
      return { ready: false, reason: isDatabaseUnavailable(error) ? 'DATABASE_UNREACHABLE' : 'DATABASE_ERROR' }
    } finally {
      clearTimeout(timer)
    }
  }

  return function check(): Promise<Readiness> {
    const at = now()
    if (!cached || at - cached.at >= CACHE_MS) cached = { at, result: probe() }
    return cached.result
  }
}

/** What a 503 says: the reason, never a host, a user or PostgreSQL's own message. */
export function notReadyMessage(readiness: Extract<Readiness, { ready: false }>): string {
  switch (readiness.reason) {
    case 'DATABASE_UNREACHABLE':
      return 'データベースに接続できません'
    case 'DATABASE_TIMEOUT':
      return 'データベースが時間内に応答しません'
    case 'MIGRATIONS_MISSING':
      return 'データベースにマイグレーションが適用されていません'
    case 'MIGRATIONS_PENDING':
      return `データベースのマイグレーションが完了していません（未適用 ${readiness.pending ?? 0} 件）`
    case 'DATABASE_ERROR':
      return 'データベースの状態を確認できません'
  }
}
