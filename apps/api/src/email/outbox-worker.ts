import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'
import { claimDue, pollingLoop, reschedule } from '#src/jobs/outbox-table.ts'
import type { MailTransport } from './transport.ts'

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

/** SMTP 5xx for the recipient: retrying the same address cannot help. */
const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/**
 * Sends the email outbox. A mail is marked sent only after SMTP accepted it: a crash in between
 * re-sends it once, with the same Message-ID.
 */
export function createOutboxWorker(deps: { pool: pg.Pool; transport: MailTransport; from: string; log: FastifyBaseLogger; pollMs: number; clock: () => Date }) {
  async function deliver(row: OutboxRow) {
    try {
      await deps.transport.sendMail({ from: deps.from, to: row.to, subject: row.subject, text: row.text, html: row.html, messageId: row.message_id })
      await deps.pool.query(`UPDATE outbox_emails SET status = 'SENT', sent_at = $3, delivered_to = $2, locked_until = NULL WHERE id = $1`, [
        row.id,
        deps.transport.describe(row.to),
        deps.clock(),
      ])
    } catch (error) {
      if (isPermanent(error) && row.fallback_to) {
        // The login address refuses mail: the 連絡用メールアドレス exists for exactly this.
        deps.log.warn({ outboxId: row.id }, 'permanent failure; switching to the contact address')
        const message = error instanceof Error ? error.message.slice(0, 500) : String(error)
        await deps.pool.query(
          `UPDATE outbox_emails SET "to" = fallback_to, fallback_to = NULL, next_attempt_at = $3, locked_until = NULL, last_error = $2 WHERE id = $1`,
          [row.id, `${row.to}: ${message}`, deps.clock()],
        )
        return
      }
      const { giveUp, message } = await reschedule(deps.pool, 'outbox_emails', row, error, isPermanent(error), deps.clock())
      deps.log.warn({ outboxId: row.id, attempts: row.attempts, giveUp, err: message }, 'email delivery failed')
    }
  }

  /** One pass: claims what is due and tries each; returns how many it tried. */
  async function runOnce(): Promise<number> {
    const rows = await claimDue<OutboxRow>(deps.pool, 'outbox_emails', `id, "to", fallback_to, subject, text, html, message_id, attempts`, deps.clock())
    for (const row of rows) await deliver(row)
    return rows.length
  }

  return { runOnce, ...pollingLoop(runOnce, deps.pollMs, deps.log, 'email outbox') }
}
