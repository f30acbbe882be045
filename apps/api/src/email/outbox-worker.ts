import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'
import { claimDue, completeLease, holdingLease, LEASE_MS, pollingLoop, reschedule, type Lease } from '#src/jobs/outbox-table.ts'
import type { MailTransport } from './transport.ts'

interface OutboxRow extends Lease {
  to: string
  fallback_to: string | null
  subject: string
  text: string
  html: string
  message_id: string
}

/** SMTP 5xx for the recipient: retrying the same address cannot help. */
const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/**
 * Sends the email outbox. A mail is marked sent only after SMTP accepted it: a crash in between
 * re-sends it once, with the same Message-ID. Every outcome is written only while this worker's
 * lease holds (see completeLease): a worker that lost the row leaves it to the one that has it.
 */
export function createOutboxWorker(deps: {
  pool: pg.Pool
  transport: MailTransport
  from: string
  log: FastifyBaseLogger
  pollMs: number
  clock: () => Date
  leaseMs?: number
}) {
  const leaseMs = deps.leaseMs ?? LEASE_MS
  const lost = (row: OutboxRow) => deps.log.warn({ outboxId: row.id }, 'email outbox lease lost before completion; the current holder decides')

  async function deliver(row: OutboxRow) {
    try {
      await holdingLease(deps.pool, 'outbox_emails', row, deps.clock, leaseMs, () =>
        deps.transport.sendMail({ from: deps.from, to: row.to, subject: row.subject, text: row.text, html: row.html, messageId: row.message_id }),
      )
    } catch (error) {
      await failed(row, error)
      return
    }
    const sent = await completeLease(deps.pool, 'outbox_emails', row, `status = 'SENT', sent_at = $4, delivered_to = $3`, [deps.transport.describe(row.to), deps.clock()])
    if (!sent) lost(row)
  }

  async function failed(row: OutboxRow, error: unknown) {
    if (isPermanent(error) && row.fallback_to) {
      // The login address refuses mail: the 連絡用メールアドレス exists for exactly this.
      deps.log.warn({ outboxId: row.id }, 'permanent failure; switching to the contact address')
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error)
      const switched = await completeLease(deps.pool, 'outbox_emails', row, `"to" = fallback_to, fallback_to = NULL, next_attempt_at = $4, last_error = $3`, [
        `${row.to}: ${message}`,
        deps.clock(),
      ])
      if (!switched) lost(row)
      return
    }
    const { giveUp, leaseLost, message } = await reschedule(deps.pool, 'outbox_emails', row, error, isPermanent(error), deps.clock())
    if (leaseLost) lost(row)
    else deps.log.warn({ outboxId: row.id, attempts: row.attempts, giveUp, err: message }, 'email delivery failed')
  }

  /** One pass: claims what is due and tries each; returns how many it tried. */
  async function runOnce(): Promise<number> {
    const rows = await claimDue<OutboxRow>(
      deps.pool,
      'outbox_emails',
      `id, "to", fallback_to, subject, text, html, message_id, attempts`,
      deps.clock(),
      leaseMs,
    )
    for (const row of rows) await deliver(row)
    return rows.length
  }

  return { runOnce, ...pollingLoop(runOnce, deps.pollMs, deps.log, 'email outbox') }
}
