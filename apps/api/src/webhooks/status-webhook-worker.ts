import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'
import { claimDue, completeLease, holdingLease, LEASE_MS, pollingLoop, reschedule, type Lease } from '#src/jobs/outbox-table.ts'
import { signWebhook, SIGNATURE_HEADER } from '#src/http/webhook-signature.ts'

interface WebhookRow extends Lease {
  payload: Record<string, unknown>
}

class DeliveryRefused extends Error {
  readonly status: number

  constructor(status: number) {
    super(`the receiver answered ${status}`)
    this.status = status
  }
}

/** 4xx other than timeouts and rate limits: the receiver refuses this event and will keep refusing. */
const isPermanent = (error: unknown) =>
  error instanceof DeliveryRefused && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429

/**
 * POSTs status changes to STATUS_WEBHOOK_URL, signed like our providers sign theirs
 * (`x-kakunin-signature: t=…,v1=HMAC-SHA256(secret, "t.body")`); the event id lets the receiver
 * ignore a repeat. Outcomes are written only while this worker's lease holds (see completeLease).
 */
export function createStatusWebhookWorker(deps: {
  pool: pg.Pool
  url: string
  secret: string
  log: FastifyBaseLogger
  pollMs: number
  clock: () => Date
  leaseMs?: number
}) {
  const leaseMs = deps.leaseMs ?? LEASE_MS
  const lost = (row: WebhookRow) => deps.log.warn({ webhookId: row.id }, 'status webhook lease lost before completion; the current holder decides')

  async function deliver(row: WebhookRow) {
    const body = JSON.stringify({ id: row.id, ...row.payload })
    try {
      await holdingLease(deps.pool, 'outbox_webhooks', row, deps.clock, leaseMs, async () => {
        const response = await fetch(deps.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhook(deps.secret, body, deps.clock()), 'x-kakunin-event-id': row.id },
          body,
          signal: AbortSignal.timeout(10_000),
        })
        if (!response.ok) throw new DeliveryRefused(response.status)
      })
    } catch (error) {
      const { giveUp, leaseLost, message } = await reschedule(deps.pool, 'outbox_webhooks', row, error, isPermanent(error), deps.clock())
      if (leaseLost) lost(row)
      else deps.log.warn({ webhookId: row.id, attempts: row.attempts, giveUp, err: message }, 'status webhook delivery failed')
      return
    }
    if (!(await completeLease(deps.pool, 'outbox_webhooks', row, `status = 'SENT', sent_at = $3`, [deps.clock()]))) lost(row)
  }

  async function runOnce(): Promise<number> {
    const rows = await claimDue<WebhookRow>(deps.pool, 'outbox_webhooks', 'id, payload, attempts', deps.clock(), leaseMs)
    for (const row of rows) await deliver(row)
    return rows.length
  }

  return { runOnce, ...pollingLoop(runOnce, deps.pollMs, deps.log, 'status webhook outbox') }
}
