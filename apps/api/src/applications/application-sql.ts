import type pg from 'pg'
import { OWNED_BY_SESSION, RETURNED, type ApplicationRow, type OwnedBy } from '#src/state/application-row.ts'

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

