import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'
import type { MailTransport } from './transport.ts'

const BATCH = 10
const LEASE_SECONDS = 60
const MAX_ATTEMPTS = 12
const MAX_BACKOFF_MS = 60 * 60 * 1000

interface OutboxRow {
  id: string
  to: string
  fallback_to: string | null
  subject: string
  text: string
  html: string
  message_id: string
  attempts: number
}

/** 1 s, 2 s, 4 s … capped at an hour: an SMTP outage delays mail and loses none. */
export const backoffMs = (attempts: number) => Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS)

/** SMTP 5xx for the recipient: retrying the same address cannot help. */
const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/**
 * Sends the outbox. Rows are claimed with a lease (FOR UPDATE SKIP LOCKED), so several API
 * instances share the work and a crashed one's claim lapses. A mail is marked sent only after SMTP
 * accepted it: a crash in between re-sends it once, with the same Message-ID.
 */
export function createOutboxWorker(deps: { pool: pg.Pool; transport: MailTransport; from: string; log: FastifyBaseLogger; pollMs: number }) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | undefined
  let stopped = false

  async function claim(): Promise<OutboxRow[]> {
    const { rows } = await deps.pool.query<OutboxRow>(
      `UPDATE outbox_emails SET locked_until = now() + make_interval(secs => $2), attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox_emails
                      WHERE status = 'PENDING' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, "to", fallback_to, subject, text, html, message_id, attempts`,
      [BATCH, LEASE_SECONDS],
    )
    return rows
  }

  async function deliver(row: OutboxRow) {
    try {
      await deps.transport.sendMail({
        from: deps.from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: row.message_id,
      })
      await deps.pool.query(
        `UPDATE outbox_emails SET status = 'SENT', sent_at = now(), delivered_to = $2, locked_until = NULL WHERE id = $1`,
        [row.id, deps.transport.describe(row.to)],
      )
    } catch (error) {
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error)
      if (isPermanent(error) && row.fallback_to) {
        // The login address refuses mail: the 連絡用メールアドレス exists for exactly this.
        deps.log.warn({ outboxId: row.id }, 'permanent failure; switching to the contact address')
        await deps.pool.query(
          `UPDATE outbox_emails SET "to" = fallback_to, fallback_to = NULL, next_attempt_at = now(), locked_until = NULL, last_error = $2 WHERE id = $1`,
          [row.id, `${row.to}: ${message}`],
        )
        return
      }
      const giveUp = isPermanent(error) || row.attempts >= MAX_ATTEMPTS
      deps.log.warn({ outboxId: row.id, attempts: row.attempts, giveUp, err: message }, 'email delivery failed')
      await deps.pool.query(
        `UPDATE outbox_emails SET status = $2, next_attempt_at = now() + make_interval(secs => $3), locked_until = NULL, last_error = $4 WHERE id = $1`,
        [row.id, giveUp ? 'FAILED' : 'PENDING', backoffMs(row.attempts) / 1000, message],
      )
    }
  }

  /** One pass: claims what is due and tries each; returns how many it tried. */
  async function runOnce(): Promise<number> {
    const rows = await claim()
    for (const row of rows) await deliver(row)
    return rows.length
  }

  function schedule() {
    if (stopped) return
    timer = setTimeout(() => {
      running = runOnce()
        .catch((error: unknown) => {
          deps.log.error({ err: error }, 'outbox pass failed')
          return 0
        })
        .finally(schedule)
    }, deps.pollMs)
  }

  return {
    runOnce,
    start: schedule,
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
