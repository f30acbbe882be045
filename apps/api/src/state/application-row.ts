import { isStale, liveSession } from '#src/applicant-session/session-validity.ts'
import type { Application } from '#src/generated/prisma/client.ts'

// The application as the hot path's SQL reads it: Prisma's own row type and the columns under
// Prisma's field names, and the session check every applicant statement carries.

/**
 * The columns the hot path reads, named as Prisma names its fields: the row is Prisma's own
 * `Application` type (derived from schema.prisma), so there is one mapper for both ways of reading.
 * `application-columns.test.ts` checks these names against schema.prisma.
 */
export const RETURNED = `id, reference, flow, status, version, answers, resume_at AS "resumeAt", created_at AS "createdAt", updated_at AS "updatedAt", submitted_at AS "submittedAt"`

export type ApplicationRow = Pick<Application, 'id' | 'reference' | 'flow' | 'status' | 'version' | 'answers' | 'resumeAt' | 'createdAt' | 'updatedAt' | 'submittedAt'>

/**
 * The session that must own the row: `$2` its token hash, `now` the parameter holding the time (the
 * app's clock) it is checked at; live by the same rules as the plugin's lookup (not revoked, not
 * past its absolute lifetime, not idle for longer than `idleMinutes`).
 */
export const OWNED_BY_SESSION = (now: string, idleMinutes: number) => `EXISTS (SELECT 1 FROM applicant_sessions s
  WHERE s.application_id = a.id AND s.token_hash = $2 AND ${liveSession('s', now, idleMinutes)})`

/**
 * A CTE for a write that went through (`after`, by default `updated`, returned its row; submit's
 * read names `owned`): the session was used, so its idle timeout starts again, written at most
 * once a minute and in the same statement.
 */
export const TOUCH_SESSION = (now: string, after = 'updated') => `touched AS (
       UPDATE applicant_sessions s SET last_seen_at = ${now}
        WHERE s.token_hash = $2 AND ${isStale('s', now)} AND EXISTS (SELECT 1 FROM ${after})
     )`

/** The application named in the URL, the session hash that must own it, and when and how that is checked. */
export interface OwnedBy {
  id: string
  tokenHash: string
  /** The session's idle timeout (SESSION_IDLE_MINUTES). */
  idleMinutes: number
  now: Date
}

