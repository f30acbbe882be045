import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'

// What the email and webhook outboxes share: rows claimed with a lease, retried with backoff,
// given up after too many attempts, and a loop that polls while the app runs. Times come from the
// app's clock, like everything else (only the status trigger's timestamps are the database's).

const BATCH = 10
const LEASE_SECONDS = 60
export const MAX_ATTEMPTS = 12
const MAX_BACKOFF_MS = 60 * 60 * 1000

export type OutboxTable = 'outbox_emails' | 'outbox_webhooks'

/** 1 s, 2 s, 4 s … capped at an hour: an outage delays delivery and loses nothing. */
export const backoffMs = (attempts: number) => Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS)

/**
 * Claims due rows with a lease (FOR UPDATE SKIP LOCKED): several API instances share the work,
 * and a crashed one's claim lapses after the lease.
 */
export async function claimDue<Row>(pool: pg.Pool, table: OutboxTable, columns: string, now: Date): Promise<Row[]> {
  const { rows } = await pool.query<Row & pg.QueryResultRow>(
    `UPDATE ${table} SET locked_until = $3::timestamptz + make_interval(secs => $2), attempts = attempts + 1
      WHERE id IN (SELECT id FROM ${table}
                    WHERE status = 'PENDING' AND next_attempt_at <= $3 AND (locked_until IS NULL OR locked_until < $3)
                    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING ${columns}`,
    [BATCH, LEASE_SECONDS, now],
  )
  return rows
}

/** After a failed attempt: try again later, or give up for good (FAILED) when retrying cannot help. */
export async function reschedule(pool: pg.Pool, table: OutboxTable, row: { id: string; attempts: number }, error: unknown, permanent: boolean, now: Date) {
  const message = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500)
  const giveUp = permanent || row.attempts >= MAX_ATTEMPTS
  await pool.query(
    `UPDATE ${table} SET status = $2, next_attempt_at = $5::timestamptz + make_interval(secs => $3), locked_until = NULL, last_error = $4 WHERE id = $1`,
    [row.id, giveUp ? 'FAILED' : 'PENDING', backoffMs(row.attempts) / 1000, message, now],
  )
  return { giveUp, message }
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
