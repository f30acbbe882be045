import type pg from 'pg'
import type { ApplicationStatus } from '@kakunin/schema/application'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import { eventDataSchema } from '@kakunin/schema/events'
import type { ResumePoint } from '@kakunin/schema/form/steps'
import { SUBMITTABLE_STATUSES } from '@kakunin/schema/status-machine'
import type { OutboxEmailRow } from '#src/email/outbox.ts'
import { OWNED_BY_SESSION, RETURNED, TOUCH_SESSION, type ApplicationRow } from './application-row.ts'

// The applicant's two hot writes as single SQL statements. Each checks the session, the version
// and the status in its WHERE clause and appends its event in the same statement (so atomically):
// one round trip instead of five Prisma queries, which decided save-step's throughput (see
// `pnpm bench`); named, so each connection plans it once. A statement that matches no row has
// changed nothing. They live here, beside the transition module, because they write statuses and
// events: their status sets come from the status machine and their events' data is checked against
// the catalogue (its own type's schema) before the statement runs.

export interface StepWrite {
  id: string
  tokenHash: string
  idleMinutes: number
  version: number
  step: string
  values: unknown
  resumeAt: ResumePoint | null
  /** Flows that have this step; the row must be one of them. */
  flows: readonly ApplicationFlow[]
  /** Statuses in which the answers may change (EDITABLE_STATUSES). */
  statuses: readonly ApplicationStatus[]
  search: Record<'accountSid' | 'verifiedAccountSid' | 'loginEmail' | 'contactEmail' | 'fullName' | 'fullNameKana', string | null>
  now: Date
}

export async function updateStep(pool: pg.Pool, w: StepWrite): Promise<ApplicationRow | null> {
  eventDataSchema('ANSWERS_SAVED').parse({ step: w.step, values: w.values })
  const { rows } = await pool.query<ApplicationRow>({
    name: 'update-step',
    text: `WITH updated AS (
       UPDATE applications a
          SET answers = jsonb_set(a.answers, ARRAY[$4::text], $5::jsonb) #- ARRAY['drafts', $4::text],
              resume_at = $6, version = a.version + 1, updated_at = $7,
              account_sid = COALESCE($10, a.account_sid), login_email = COALESCE($11, a.login_email),
              contact_email = COALESCE($12, a.contact_email), full_name = COALESCE($13, a.full_name),
              full_name_kana = COALESCE($14, a.full_name_kana), verified_account_sid = COALESCE($15, a.verified_account_sid)
        WHERE a.id = $1 AND a.version = $3 AND a.status::text = ANY($8) AND a.flow::text = ANY($9) AND ${OWNED_BY_SESSION('$7', w.idleMinutes)}
       RETURNING a.*
     ), event AS (
       INSERT INTO application_events (application_id, type, actor_type, data, created_at)
       SELECT id, 'ANSWERS_SAVED', 'APPLICANT', jsonb_build_object('step', $4::text, 'values', $5::jsonb), $7 FROM updated
     ), ${TOUCH_SESSION('$7')}
     SELECT ${RETURNED} FROM updated`,
    values: [
      w.id,
      w.tokenHash,
      w.version,
      w.step,
      JSON.stringify(w.values),
      w.resumeAt,
      w.now,
      w.statuses,
      w.flows,
      w.search.accountSid,
      w.search.loginEmail,
      w.search.contactEmail,
      w.search.fullName,
      w.search.fullNameKana,
      w.search.verifiedAccountSid,
    ],
  })
  return rows[0] ?? null
}

export type DraftWrite = Omit<StepWrite, 'search'>

/**
 * A draft of one step: its fields that are right on their own, kept under answers.drafts (the
 * step's answers, if any, stay as they were saved whole); same checks and event as updateStep,
 * the event marked as a draft.
 */
export async function updateStepDraft(pool: pg.Pool, w: DraftWrite): Promise<ApplicationRow | null> {
  eventDataSchema('ANSWERS_SAVED').parse({ step: w.step, values: w.values, draft: true })
  const { rows } = await pool.query<ApplicationRow>({
    name: 'update-step-draft',
    text: `WITH updated AS (
       UPDATE applications a
          SET answers = jsonb_set(a.answers, ARRAY['drafts'], COALESCE(a.answers->'drafts', '{}'::jsonb) || jsonb_build_object($4::text, $5::jsonb)),
              resume_at = $6, version = a.version + 1, updated_at = $7
        WHERE a.id = $1 AND a.version = $3 AND a.status::text = ANY($8) AND a.flow::text = ANY($9) AND ${OWNED_BY_SESSION('$7', w.idleMinutes)}
       RETURNING a.*
     ), event AS (
       INSERT INTO application_events (application_id, type, actor_type, data, created_at)
       SELECT id, 'ANSWERS_SAVED', 'APPLICANT', jsonb_build_object('step', $4::text, 'values', $5::jsonb, 'draft', true), $7 FROM updated
     ), ${TOUCH_SESSION('$7')}
     SELECT ${RETURNED} FROM updated`,
    values: [w.id, w.tokenHash, w.version, w.step, JSON.stringify(w.values), w.resumeAt, w.now, w.statuses, w.flows],
  })
  return rows[0] ?? null
}

export interface SubmitWrite {
  id: string
  tokenHash: string
  idleMinutes: number
  version: number
  /** The status the version read is in (one of SUBMITTABLE_STATUSES), recorded as the event's from. */
  from: ApplicationStatus
  /** The validated answers, recorded in the event as exactly what was submitted. */
  answers: unknown
  /** 申込受付, queued by the same statement (its application is the row's). */
  email: OutboxEmailRow
  /** The resume link that email carries back to the phone verification (only its hash). */
  resume: { tokenHash: string; expiresAt: Date }
  now: Date
}

/**
 * DRAFT or DENIED → SUBMITTED by the applicant, the first-time flow's submit and resubmit. The
 * session was touched by submit's read (selectForSubmit), in the same request, so this one does
 * not touch it again.
 */
export async function updateToSubmitted(pool: pg.Pool, w: SubmitWrite): Promise<ApplicationRow | null> {
  eventDataSchema('SUBMITTED').parse({ answers: w.answers })
  if (!SUBMITTABLE_STATUSES.includes(w.from)) return null
  const { rows } = await pool.query<ApplicationRow>({
    name: 'update-to-submitted',
    // The row must still be in the status read ($18), which the event records as its from.
    text: `WITH updated AS (
       UPDATE applications a
          SET status = 'SUBMITTED', submitted_at = $6, resume_at = NULL, version = a.version + 1, updated_at = $6
        WHERE a.id = $1 AND a.version = $3 AND a.status = $18::"ApplicationStatus" AND a.status::text = ANY($4) AND a.flow = 'FIRST_TIME'
          AND ${OWNED_BY_SESSION('$6', w.idleMinutes)}
       RETURNING a.*
     ), event AS (
       INSERT INTO application_events (application_id, type, actor_type, from_status, to_status, data, created_at)
       SELECT id, 'SUBMITTED', 'APPLICANT', $18::"ApplicationStatus", 'SUBMITTED', jsonb_build_object('answers', $5::jsonb), $6 FROM updated
     ), email AS (
       INSERT INTO outbox_emails (id, application_id, template, "to", fallback_to, subject, text, html, message_id, created_at, next_attempt_at)
       SELECT gen_random_uuid(), id, $7, $8, $9, $10, $11, $12, $13, $14, $15 FROM updated
     ), resume AS (
       INSERT INTO resume_tokens (id, application_id, token_hash, created_at, expires_at)
       SELECT gen_random_uuid(), id, $16, $6, $17 FROM updated
     )
     SELECT ${RETURNED} FROM updated`,
    values: [
      w.id,
      w.tokenHash,
      w.version,
      SUBMITTABLE_STATUSES,
      JSON.stringify(w.answers),
      w.now,
      w.email.template,
      w.email.to,
      w.email.fallbackTo,
      w.email.subject,
      w.email.text,
      w.email.html,
      w.email.messageId,
      w.email.createdAt,
      w.email.nextAttemptAt,
      w.resume.tokenHash,
      w.resume.expiresAt,
      w.from,
    ],
  })
  return rows[0] ?? null
}
