import type pg from 'pg'
import { VerificationStatus } from '#src/generated/prisma/enums.ts'

/** The background work the workers claim, by kind: how many are waiting and since when. */
export interface QueueSnapshot {
  kind: 'email' | 'status_webhook' | 'sandbox_review' | 'owner_confirmation_expiry'
  pending: number
  failed: number
  /** When the longest-waiting item became due (its creation for the outboxes), or null when none waits. */
  oldest: Date | null
}

export interface SqlSnapshot {
  queues: QueueSnapshot[]
  verifications: Record<VerificationStatus, number>
}

export const VERIFICATION_STATUSES = Object.values(VerificationStatus)

// One round trip for the queues, each part an index range of what is still waiting (the outboxes'
// (status, next_attempt_at), the sandbox's (reviewed_at, review_due_at), the confirmations'
// (decision, expires_at)), so their cost follows the backlog, not the history.
const QUEUES = `
  SELECT 'email' AS kind, count(*) FILTER (WHERE status = 'PENDING') AS pending, count(*) FILTER (WHERE status = 'FAILED') AS failed,
         min(created_at) FILTER (WHERE status = 'PENDING') AS oldest
    FROM outbox_emails WHERE status IN ('PENDING', 'FAILED')
  UNION ALL
  SELECT 'status_webhook', count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'FAILED'),
         min(created_at) FILTER (WHERE status = 'PENDING')
    FROM outbox_webhooks WHERE status IN ('PENDING', 'FAILED')
  UNION ALL
  SELECT 'sandbox_review', count(*), 0, min(review_due_at)
    FROM sandbox_ekyc_sessions WHERE reviewed_at IS NULL AND review_due_at IS NOT NULL
  UNION ALL
  -- unanswered past their expiry: work the expiry worker has yet to do
  SELECT 'owner_confirmation_expiry', count(*), 0, min(expires_at)
    FROM owner_confirmations WHERE decision IS NULL AND expires_at <= $1`

// Sessions of every age: a scan of one small column, which is why the snapshot is cached.
const VERIFICATIONS = 'SELECT status::text AS status, count(*) AS count FROM verifications GROUP BY status'

/** Reads what the gauges report, in two queries sent together. */
export async function readSqlSnapshot(pool: pg.Pool, now: Date): Promise<SqlSnapshot> {
  const [queues, verifications] = await Promise.all([
    pool.query<{ kind: QueueSnapshot['kind']; pending: string; failed: string; oldest: Date | null }>(QUEUES, [now]),
    pool.query<{ status: VerificationStatus; count: string }>(VERIFICATIONS),
  ])
  const byStatus = Object.fromEntries(VERIFICATION_STATUSES.map((status) => [status, 0])) as Record<VerificationStatus, number>
  for (const row of verifications.rows) byStatus[row.status] = Number(row.count)
  return {
    queues: queues.rows.map((row) => ({ kind: row.kind, pending: Number(row.pending), failed: Number(row.failed), oldest: row.oldest })),
    verifications: byStatus,
  }
}
