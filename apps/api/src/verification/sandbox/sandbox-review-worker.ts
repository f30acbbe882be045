import type { FastifyBaseLogger } from 'fastify'
import fp from 'fastify-plugin'
import type pg from 'pg'
import type { SandboxDetails } from '@kakunin/schema/sandbox-ekyc'
import { backoffMs, LEASE_MS, pollingLoop } from '#src/jobs/outbox-table.ts'
import type { ComparingData } from '#src/verification/provider.ts'
import { compareIdentity } from './compare-identity.ts'
import { WebhookAnswered, type createSandboxProvider, type WebhookDelivery } from './sandbox-provider.ts'
import type { SandboxWebhookPayload } from './sandbox-webhook.ts'

/** What the reviewer read, in the vendor's own payload shape: the details as printed, and the document's number, expiry and issuer if typed. */
function documentOf(details: SandboxDetails) {
  return {
    family_name: details.familyName,
    given_name: details.givenName,
    birth_date: details.birthDate,
    address: details.address,
    ...(details.documentNumber ? { number: details.documentNumber } : {}),
    ...(details.expiresOn ? { expires_on: details.expiresOn } : {}),
    ...(details.issuer ? { issuer: details.issuer } : {}),
  }
}

interface ReviewRow {
  id: string
  comparing: ComparingData
  details: SandboxDetails
  /** Incremented by every claim: the claim's fencing token, checked when it completes. */
  review_attempts: number
}

// The events of one session have fixed ids: whichever worker delivers them, and however often,
// our webhook records each once (webhook_receipts) and answers a repeat as a duplicate.
export const submittedEventId = (sessionId: string) => `evt_${sessionId}_submitted`
const reviewedEventId = (sessionId: string) => `evt_${sessionId}_reviewed`

/** The receiver refuses the event for good (unknown session, a move the rules refuse): retrying cannot help. */
const isPermanent = (error: unknown) =>
  error instanceof WebhookAnswered && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429

export interface SandboxReviewDeps {
  pool: pg.Pool
  provider: Pick<ReturnType<typeof createSandboxProvider>, 'sign'>
  deliver: WebhookDelivery
  clock: () => Date
  log: FastifyBaseLogger
  pollMs: number
  leaseMs?: number
}

/**
 * The sandbox vendor's reviewer. A submission leaves its session due for review at
 * review_due_at; any instance's worker claims due sessions with a lease (FOR UPDATE SKIP LOCKED),
 * compares the stored details with the declared data, and delivers the signed verdict. An instance
 * that dies mid-way only delays it: its lease lapses and another worker delivers it.
 */
export function createSandboxReviewWorker(deps: SandboxReviewDeps) {
  const leaseMs = deps.leaseMs ?? LEASE_MS

  async function claim(only?: string): Promise<ReviewRow[]> {
    const { rows } = await deps.pool.query<ReviewRow>(
      `UPDATE sandbox_ekyc_sessions SET review_locked_until = $1::timestamptz + make_interval(secs => $2), review_attempts = review_attempts + 1
        WHERE id IN (SELECT id FROM sandbox_ekyc_sessions
                      WHERE reviewed_at IS NULL AND review_due_at <= $1 AND (review_locked_until IS NULL OR review_locked_until < $1)
                        AND ($3::uuid IS NULL OR id = $3::uuid)
                      ORDER BY review_due_at LIMIT 10 FOR UPDATE SKIP LOCKED)
        RETURNING id, comparing, details, review_attempts`,
      [deps.clock(), leaseMs / 1000, only ?? null],
    )
    return rows
  }

  const send = (payload: SandboxWebhookPayload) => {
    const { body, signature } = deps.provider.sign(payload, deps.clock())
    return deps.deliver(body, signature)
  }

  /** Writes the claim's outcome, unless its lease lapsed and another claim owns the session now. */
  async function complete(row: ReviewRow, set: string, params: unknown[]) {
    const { rowCount } = await deps.pool.query(
      `UPDATE sandbox_ekyc_sessions SET ${set}, review_locked_until = NULL WHERE id = $1 AND review_attempts = $2 AND reviewed_at IS NULL`,
      [row.id, row.review_attempts, ...params],
    )
    // Lost: the other claim delivers the same event ids, so the verdict is applied once either way.
    if (rowCount === 0) deps.log.warn({ sandboxSessionId: row.id }, 'sandbox review lease lost before completion; the current holder decides')
  }

  async function review(row: ReviewRow) {
    const mismatches = compareIdentity(row.comparing, row.details)
    const created = deps.clock().toISOString()
    try {
      // The progress event again first: if the instance that took the submission died before
      // delivering it, the verdict would find the application still VERIFYING. Usually a repeat.
      await send({ id: submittedEventId(row.id), type: 'session.submitted', created, session: { id: row.id } })
      await send({
        id: reviewedEventId(row.id),
        type: 'session.reviewed',
        created,
        session: { id: row.id },
        review: {
          verdict: mismatches.length === 0 ? 'approved' : 'denied',
          reasons: mismatches.length ? ['ID_MISMATCH'] : [],
          mismatches,
          ...(mismatches.length === 0 ? { document: documentOf(row.details) } : {}),
        },
      })
    } catch (error) {
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500)
      deps.log.warn({ sandboxSessionId: row.id, attempts: row.review_attempts, err: message }, 'sandbox eKYC verdict delivery failed')
      if (isPermanent(error)) {
        // Like a vendor whose verdict was refused: it is done with the session; the refusal is kept.
        await complete(row, `status = 'REVIEWED', reviewed_at = $3, review_last_error = $4`, [deps.clock(), message])
      } else {
        await complete(row, `review_due_at = $3::timestamptz + make_interval(secs => $4), review_last_error = $5`, [
          deps.clock(),
          backoffMs(row.review_attempts) / 1000,
          message,
        ])
      }
      return
    }
    await complete(row, `status = 'REVIEWED', reviewed_at = $3, review_last_error = NULL`, [deps.clock()])
  }

  /** One pass over what is due; returns how many sessions it tried. */
  async function runOnce(): Promise<number> {
    const rows = await claim()
    for (const row of rows) await review(row)
    return rows.length
  }

  return {
    runOnce,
    /** Reviews one session now if it is due and unclaimed (a reviewer without delay answers at once). */
    async reviewNow(sessionId: string) {
      for (const row of await claim(sessionId)) await review(row)
    },
    ...pollingLoop(runOnce, deps.pollMs, deps.log, 'sandbox eKYC reviewer'),
  }
}

export type SandboxReviewWorker = ReturnType<typeof createSandboxReviewWorker>

declare module 'fastify' {
  interface FastifyInstance {
    /** The sandbox reviewer, when the sandbox provider runs; tests call runOnce to not wait for a poll. */
    sandboxReviews?: SandboxReviewWorker
  }
}

/** The sandbox reviewer on the app's pool and clock; its loop runs while the app is up when `runWorker`. */
export const sandboxReviewPlugin = fp<Omit<SandboxReviewDeps, 'pool' | 'clock' | 'log'> & { runWorker: boolean }>(
  async (app, { runWorker, ...options }) => {
    const worker = createSandboxReviewWorker({ ...options, pool: app.pg, clock: app.deps.clock, log: app.log })
    app.decorate('sandboxReviews', worker)
    if (runWorker) app.addHook('onReady', async () => worker.start())
    app.addHook('onClose', () => worker.stop())
  },
  { name: 'sandbox-reviews', dependencies: ['deps'] },
)
