import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'

// What the email and webhook outboxes share: rows claimed with a lease, retried with backoff for
// days, and a loop that polls while the app runs. Times come from the app's clock, like everything
// else (only the status trigger's timestamps are the database's).

const BATCH = 10
export const LEASE_MS = 60_000
const MAX_BACKOFF_MS = 60 * 60 * 1000
/** How long a row is retried (from its creation or its last re-drive) before it is left FAILED for an admin. */
export const RETRY_FOR_MS = 7 * 24 * 60 * 60 * 1000

export type OutboxTable = 'outbox_emails' | 'outbox_webhooks'

/** The claim a worker holds: every write that completes the row names it. */
export interface Lease {
  id: string
  lease_id: string
  attempts: number
}

/** 1 s, 2 s, 4 s … capped at an hour: an outage delays delivery and loses nothing. */
export const backoffMs = (attempts: number) => Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS)

/**
 * Claims due rows with a lease (FOR UPDATE SKIP LOCKED): several API instances share the work,
 * and a crashed one's claim lapses after the lease. Each claim gets its own lease id.
 */
export async function claimDue<Row extends Lease>(pool: pg.Pool, table: OutboxTable, columns: string, now: Date, leaseMs = LEASE_MS): Promise<Row[]> {
  const { rows } = await pool.query<Row>(
    `UPDATE ${table} SET locked_until = $3::timestamptz + make_interval(secs => $2), lease_id = gen_random_uuid(), attempts = attempts + 1
      WHERE id IN (SELECT id FROM ${table}
                    WHERE status = 'PENDING' AND next_attempt_at <= $3 AND (locked_until IS NULL OR locked_until < $3)
                    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING lease_id, ${columns}`,
    [BATCH, leaseMs / 1000, now],
  )
  return rows
}

/** Our claim was taken over by another worker: it owns the row now, and we must not send it. */
export class LeaseLost extends Error {
  override name = 'LeaseLost'
}

/**
 * Extends our lease, unless another worker has claimed the row since: a claim always writes a new
 * lease id, so "still our lease id" means no one else can have sent it, even if our lease lapsed.
 */
async function renewLease(pool: pg.Pool, table: OutboxTable, row: Lease, clock: () => Date, leaseMs: number) {
  const { rowCount } = await pool.query(
    `UPDATE ${table} SET locked_until = $3::timestamptz + make_interval(secs => $4) WHERE id = $1 AND lease_id = $2 AND status = 'PENDING'`,
    [row.id, row.lease_id, clock(), leaseMs / 1000],
  )
  return rowCount === 1
}

/**
 * Runs `send` while holding the row's lease. The lease is renewed right before sending: a batch is
 * claimed at once but sent one row after another, and a row waiting behind slow sends may have
 * lapsed and been claimed (and sent) by another worker meanwhile; then it is skipped (LeaseLost).
 * During the send it is renewed every third of a lease, so a send slower than the lease (a
 * sluggish SMTP server) is not claimed and sent again. Only a worker that stops renewing
 * (crashed, or stalled longer than a lease) loses the row to another.
 */
export async function holdingLease<T>(pool: pg.Pool, table: OutboxTable, row: Lease, clock: () => Date, leaseMs: number, send: () => Promise<T>): Promise<T> {
  if (!(await renewLease(pool, table, row, clock, leaseMs))) throw new LeaseLost(`${table} ${row.id}: claimed by another worker`)
  const timer = setInterval(() => {
    // the next renewal, or the completion's lease check, settles a failed one
    renewLease(pool, table, row, clock, leaseMs).catch(() => {})
  }, leaseMs / 3)
  try {
    return await send()
  } finally {
    clearInterval(timer)
  }
}

/**
 * Applies a completion (`SET …`) only while this claim still holds the row. False when the lease
 * was lost: another worker claimed the row after ours lapsed and owns its outcome now; it may have
 * sent it too (same Message-ID / event id, so the receiver can tell a repeat), and overwriting its
 * SENT with our PENDING or FAILED would send the row a third time or hide that it went out.
 */
export async function completeLease(pool: pg.Pool, table: OutboxTable, row: Lease, set: string, params: unknown[] = []): Promise<boolean> {
  const { rowCount } = await pool.query(`UPDATE ${table} SET ${set}, locked_until = NULL WHERE id = $1 AND lease_id = $2`, [row.id, row.lease_id, ...params])
  return rowCount === 1
}

/**
 * After a failed attempt: try again later (up to the hour cap) until RETRY_FOR_MS have passed since
 * the row was created or last re-driven; then, or at once when retrying cannot help, FAILED, where
 * it stays visible for an admin to re-drive.
 */
export async function reschedule(pool: pg.Pool, table: OutboxTable, row: Lease, error: unknown, permanent: boolean, now: Date) {
  const message = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500)
  const { rows } = await pool.query<{ status: string }>(
    `UPDATE ${table}
        SET status = CASE WHEN $5 OR COALESCE(redriven_at, created_at) <= $4::timestamptz - make_interval(secs => $6) THEN 'FAILED' ELSE 'PENDING' END::"EmailStatus",
            next_attempt_at = $4::timestamptz + make_interval(secs => $7), locked_until = NULL, last_error = $3
      WHERE id = $1 AND lease_id = $2
      RETURNING status`,
    [row.id, row.lease_id, message, now, permanent, RETRY_FOR_MS / 1000, backoffMs(row.attempts) / 1000],
  )
  return { giveUp: rows[0]?.status === 'FAILED', leaseLost: rows.length === 0, message }
}

/** Runs `pass` every `pollMs` until stopped; a failing pass is logged and the loop goes on. */
export function pollingLoop(pass: () => Promise<number>, pollMs: number, log: FastifyBaseLogger, name: string) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | undefined
  let stopped = false
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      running = pass()
        .catch((error: unknown) => {
          log.error({ err: error }, `${name} pass failed`)
          return 0
        })
        .finally(schedule)
    }, pollMs)
  }
  return {
    start: schedule,
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
