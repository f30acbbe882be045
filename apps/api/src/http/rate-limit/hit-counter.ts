import { createHash } from 'node:crypto'
import type pg from 'pg'
import type { Limit } from './rate-limits.ts'

/**
 * The counter's key: a SHA-256 of the limit's name and the identity (addresses, ids, emails), so
 * the table never holds a client's address or email in clear.
 */
export function rateLimitKey(limit: Pick<Limit, 'name'>, identity: readonly string[]) {
  return createHash('sha256').update(JSON.stringify([limit.name, ...identity])).digest('hex')
}

export interface Hit {
  /** Hits in the current window, this one included. */
  hits: number
  windowEndsAt: Date
}

/**
 * Counts one hit in a fixed window, in one statement that every instance shares: the first hit
 * opens the window at `now` (the app's clock), later ones add to it, and a hit after it ended opens
 * a new one at 1. Row locking makes concurrent hits, from any instance, count one by one.
 */
export async function countHit(pool: pg.Pool, limit: Limit, identity: readonly string[], now: Date): Promise<Hit> {
  const { rows } = await pool.query<{ hits: number; window_ends_at: Date }>(`${COUNT_HIT({ key: '$1', now: '$2', windowSeconds: '$3' })} RETURNING hits, window_ends_at`, [
    rateLimitKey(limit, identity),
    now,
    limit.windowSeconds,
  ])
  const [row] = rows
  if (!row) throw new Error('the rate-limit upsert returned no row')
  return { hits: row.hits, windowEndsAt: row.window_ends_at }
}

/**
 * The counting upsert, for countHit and for a statement that counts its own hit in a CTE (the
 * submit's read): `key`, `now` and `windowSeconds` name its parameters; `from`, when given, counts
 * one hit per row of that CTE (none when it is empty).
 */
export const COUNT_HIT = (p: { key: string; now: string; windowSeconds: string; from?: string }) =>
  `INSERT INTO rate_limits AS r (key, hits, window_ends_at)
     SELECT ${p.key}::text, 1, ${p.now}::timestamptz + make_interval(secs => ${p.windowSeconds}::int)${p.from ? ` FROM ${p.from}` : ''}
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN r.window_ends_at <= ${p.now}::timestamptz THEN 1 ELSE LEAST(r.hits, 2147483646) + 1 END,
       window_ends_at = CASE WHEN r.window_ends_at <= ${p.now}::timestamptz THEN EXCLUDED.window_ends_at ELSE r.window_ends_at END`

export const SWEEP_BATCH = 1000

/** Drops counters whose window has ended (a later hit would restart them at 1 anyway), a batch at a time. */
export async function sweepEndedWindows(pool: pg.Pool, now: Date, batch = SWEEP_BATCH) {
  const { rowCount } = await pool.query(
    `DELETE FROM rate_limits WHERE key IN (SELECT key FROM rate_limits WHERE window_ends_at <= $1 LIMIT $2)`,
    [now, batch],
  )
  return rowCount ?? 0
}
