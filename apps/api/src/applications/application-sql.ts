import type pg from 'pg'
import type { Application } from '../generated/prisma/client.ts'

// The applicant's reads on the hot path, as named SQL statements (planned once per connection).
// The matching single-statement writes live with the transition module (state/applicant-writes.ts).

/**
 * The columns the hot path reads, named as Prisma names its fields: the row is Prisma's own
 * `Application` type (derived from schema.prisma), so there is one mapper for both ways of reading.
 * `application-columns.test.ts` checks these names against schema.prisma.
 */
export const RETURNED = `id, reference, flow, status, version, answers, resume_at AS "resumeAt", created_at AS "createdAt", updated_at AS "updatedAt", submitted_at AS "submittedAt"`

export type ApplicationRow = Pick<Application, 'id' | 'reference' | 'flow' | 'status' | 'version' | 'answers' | 'resumeAt' | 'createdAt' | 'updatedAt' | 'submittedAt'>

/** The session that must own the row: `$2` its token hash, `$3` the time (the app's clock) it is checked at. */
export const OWNED_BY_SESSION = (now: string) => `EXISTS (SELECT 1 FROM applicant_sessions s
  WHERE s.application_id = a.id AND s.token_hash = $2 AND s.expires_at > ${now})`

/** The application named in the URL, the session hash that must own it, and when that is checked. */
export interface OwnedBy {
  id: string
  tokenHash: string
  now: Date
}

/** The session's application as it is now, or null when the session does not own `id`. */
export async function selectOwnedApplication(pool: pg.Pool, owned: OwnedBy): Promise<ApplicationRow | null> {
  const { rows } = await pool.query<ApplicationRow>({
    name: 'select-owned-application',
    text: `SELECT ${RETURNED} FROM applications a WHERE a.id = $1 AND ${OWNED_BY_SESSION('$3')}`,
    values: [owned.id, owned.tokenHash, owned.now],
  })
  return rows[0] ?? null
}

