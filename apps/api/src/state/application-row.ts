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

/** The session that must own the row: `$2` its token hash, `$3` the time (the app's clock) it is checked at. */
export const OWNED_BY_SESSION = (now: string) => `EXISTS (SELECT 1 FROM applicant_sessions s
  WHERE s.application_id = a.id AND s.token_hash = $2 AND s.expires_at > ${now})`

/** The application named in the URL, the session hash that must own it, and when that is checked. */
export interface OwnedBy {
  id: string
  tokenHash: string
  now: Date
}

