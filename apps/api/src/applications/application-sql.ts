import type pg from 'pg'
import type { ApplicantApplication, ApplicationStatus } from '@kakunin/schema/application'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import type { DraftAnswers } from '@kakunin/schema/form/application-form'
import type { ResumePoint } from '@kakunin/schema/form/steps'
import { applicantExtras } from './applicant-extras.ts'

// The applicant's reads on the hot path, as named SQL statements (planned once per connection).
// The matching single-statement writes live with the transition module (state/applicant-writes.ts).

export const RETURNED = `id, reference, flow, status, version, answers, resume_at, created_at, updated_at, submitted_at`

export interface ApplicationRow {
  id: string
  reference: string
  flow: ApplicationFlow
  status: ApplicationStatus
  version: number
  answers: DraftAnswers
  resume_at: ResumePoint | null
  created_at: Date
  updated_at: Date
  submitted_at: Date | null
}

/** The applicant's view of a row; a DENIED one also says what to correct. */
export async function rowToView(pool: pg.Pool, row: ApplicationRow): Promise<ApplicantApplication> {
  return {
    id: row.id,
    reference: row.reference,
    flow: row.flow,
    status: row.status,
    version: row.version,
    answers: row.answers,
    resumeAt: row.resume_at,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    ...(await applicantExtras(pool, row)),
  }
}

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

