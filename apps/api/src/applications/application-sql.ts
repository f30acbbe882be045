import type pg from 'pg'
import { COUNT_HIT, rateLimitKey, type Hit } from '#src/http/rate-limit/hit-counter.ts'
import type { Limit } from '#src/http/rate-limit/rate-limits.ts'
import { OWNED_BY_SESSION, RETURNED, TOUCH_SESSION, type ApplicationRow, type OwnedBy } from '#src/state/application-row.ts'

// The applicant's reads on the hot path, as named SQL statements (planned once per connection).
// The matching single-statement writes live with the transition module (state/applicant-writes.ts).

/** The session's application as it is now, or null when the session does not own `id`. */
export async function selectOwnedApplication(pool: pg.Pool, owned: OwnedBy): Promise<ApplicationRow | null> {
  const { rows } = await pool.query<ApplicationRow>({
    name: 'select-owned-application',
    text: `SELECT ${RETURNED} FROM applications a WHERE a.id = $1 AND ${OWNED_BY_SESSION('$3', owned.idleMinutes)}`,
    values: [owned.id, owned.tokenHash, owned.now],
  })
  return rows[0] ?? null
}


/** What submit reads: the row, and the submit limit's hit counted by the same statement. */
export type SubmitRead = ApplicationRow & { hit: Hit }

/**
 * Submit's one read: the session's application, its hit of the submit limit counted (only when
 * the session owns it, as the limit counts per application) and the session marked as used, in
 * one round trip. The count comes before any check of the answers, so a refused submit spends a
 * hit like any other, as the preHandler of limitRequests did.
 */
export async function selectForSubmit(pool: pg.Pool, owned: OwnedBy, limit: Limit): Promise<SubmitRead | null> {
  const { rows } = await pool.query<ApplicationRow & { hits: number; windowEndsAt: Date }>({
    name: 'select-for-submit',
    text: `WITH owned AS (
       SELECT ${RETURNED} FROM applications a WHERE a.id = $1 AND ${OWNED_BY_SESSION('$3', owned.idleMinutes)}
     ), hit AS (
       ${COUNT_HIT({ key: '$4', now: '$3', windowSeconds: '$5', from: 'owned' })}
       RETURNING hits, window_ends_at
     ), ${TOUCH_SESSION('$3', 'owned')}
     SELECT owned.*, hit.hits, hit.window_ends_at AS "windowEndsAt" FROM owned, hit`,
    values: [owned.id, owned.tokenHash, owned.now, rateLimitKey(limit, [owned.id]), limit.windowSeconds],
  })
  const row = rows[0]
  if (!row) return null
  const { hits, windowEndsAt, ...application } = row
  return { ...application, hit: { hits, windowEndsAt } }
}
