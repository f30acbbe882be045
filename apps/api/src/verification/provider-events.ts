import type { ApplicationStatus } from '@kakunin/schema/application'
import type { StatusEventType } from '@kakunin/schema/events'
import type { AppDeps } from '#src/deps.ts'
import { Prisma as PrismaNamespace, type VerificationStatus, type VerificationSubject } from '#src/generated/prisma/client.ts'
import { agentOf } from '#src/state/approval-evidence.ts'
import { notFound } from '#src/http/api-error.ts'
import { changeStatus, TransitionRefused } from '#src/state/transition.ts'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import type { ProviderEvent } from './provider.ts'

type Outcome = 'applied' | 'duplicate'

const MOVES: Record<ProviderEvent['kind'], { verification: VerificationStatus; application: ApplicationStatus; event: StatusEventType }> = {
  started: { verification: 'STARTED', application: 'VERIFYING', event: 'VERIFICATION_STARTED' },
  submitted: { verification: 'SUBMITTED', application: 'IN_REVIEW', event: 'VERIFICATION_SUBMITTED' },
  // The transition module decides whether an approval is APPROVED, ENHANCED_REVIEW or refused.
  approved: { verification: 'APPROVED', application: 'APPROVED', event: 'DECIDED' },
  denied: { verification: 'DENIED', application: 'DENIED', event: 'DECIDED' },
}

/**
 * Applies a verified provider event: the verification's new state and the webhook's id are written
 * in the same transaction as the application's move through the transition module, so the same
 * event twice changes nothing, and a move the rules refuse (409, recorded) leaves no trace of the
 * event but the refusal.
 */
export async function applyProviderEvent(deps: Pick<AppDeps, 'prisma' | 'mail' | 'clock'>, provider: string, event: ProviderEvent, payload: unknown): Promise<Outcome> {
  const { prisma, mail } = deps
  const now = deps.clock()
  const verification = await prisma.verification.findUnique({
    where: { provider_providerReference: { provider, providerReference: event.providerReference } },
  })
  if (!verification) throw notFound('この本人確認のセッションは見つかりません')
  const duplicate = await prisma.webhookReceipt.findUnique({ where: { provider_eventId: { provider, eventId: event.eventId } } })
  if (duplicate) return 'duplicate'

  const move = MOVES[event.kind]
  const decided = event.kind === 'approved' || event.kind === 'denied'
  const application = await prisma.application.findUnique({ where: { id: verification.applicationId }, select: { answers: true, submittedAt: true } })
  const withAgent = application !== null && agentOf(application) !== null
  const subject = verification.subject
  const result = decided ? resultOf(event, subject, withAgent) : {}
  const identified = event.kind === 'denied' ? {} : { ...(event.method ? { method: event.method } : {}), ...(event.documentType ? { documentType: event.documentType } : {}) }
  const record = async (tx: TransactionClient) => {
    await tx.webhookReceipt.create({ data: { provider, eventId: event.eventId, payload: payload as object, receivedAt: now } })
    await tx.verification.update({
      where: { id: verification.id },
      data: {
        status: move.verification,
        ...identified,
        ...(event.kind === 'started' ? { startedAt: event.occurredAt } : {}),
        ...(event.kind === 'submitted' ? { submittedAt: event.occurredAt } : {}),
        ...(decided ? { decidedAt: event.occurredAt, result } : {}),
      },
    })
  }
  // Kept, but acting on nothing: a session of an earlier submission (a late verdict must not deny
  // or count for the corrected one), or progress a session has already passed (vendors redeliver
  // and reorder; an approved verification never goes back to 確認中, nor is its receipt time moved).
  const stale = application?.submittedAt && verification.createdAt < application.submittedAt
  const behind = !decided && STAGE[move.verification] <= STAGE[verification.status]
  if (stale || behind) {
    await prisma.$transaction(async (tx) => {
      await tx.webhookReceipt.create({ data: { provider, eventId: event.eventId, payload: payload as object, receivedAt: now } })
      if (stale && decided && STAGE[verification.status] < STAGE.APPROVED) {
        await tx.verification.update({ where: { id: verification.id }, data: { status: move.verification, decidedAt: event.occurredAt, result } })
      }
    })
    return 'applied'
  }
  try {
    await changeStatus(
      { prisma, mail },
      {
        applicationId: verification.applicationId,
        to: move.application,
        actor: { type: 'PROVIDER', id: provider },
        event: { type: move.event, data: { eventId: event.eventId, verificationId: verification.id, ...(withAgent ? { subject } : {}), ...withoutReading(result) } },
        // The customer's approval names itself; an agent's leaves the customer's to be found.
        ...(event.kind === 'approved' && subject === 'CUSTOMER' ? { evidence: { verificationId: verification.id } } : {}),
        // With a 代理人, the first of the two approvals waits for the other (and for the ground).
        ...(event.kind === 'approved' && withAgent ? { holdUntilComplete: { subject } } : {}),
        // A new session after an earlier one expired, or the second person's session, finds the
        // application there or further on already.
        allowUnchanged: event.kind === 'started' || event.kind === 'submitted',
        before: record,
        now,
      },
    )
  } catch (error) {
    // The vendor approved data the law does not accept on the day it arrived (ホ from 2027-04-01):
    // its verdict is kept, the refusal is recorded, and the system denies, so the applicant can
    // verify again (IC chip) instead of waiting for a decision that cannot come.
    if (error instanceof TransitionRefused && error.rule === 'METHOD_NOT_LAWFUL' && event.kind === 'approved') {
      await changeStatus(
        { prisma, mail },
        {
          applicationId: verification.applicationId,
          to: 'DENIED',
          actor: { type: 'SYSTEM', id: null },
          event: { type: 'DECIDED', data: { eventId: event.eventId, verificationId: verification.id, reasons: ['METHOD_NOT_LAWFUL'], denial: METHOD_DENIAL } },
          before: record,
          now,
        },
      )
      return 'applied'
    }
    // The same event delivered twice at once: the other delivery stored it first.
    if (error instanceof PrismaNamespace.PrismaClientKnownRequestError && error.code === 'P2002') return 'duplicate'
    throw error
  }
  return 'applied'
}

/** How far a session has come: progress only moves forward. */
const STAGE: Record<VerificationStatus, number> = { PENDING: 0, EXPIRED: 0, STARTED: 1, SUBMITTED: 2, APPROVED: 3, DENIED: 3 }

const METHOD_DENIAL = {
  fields: [],
  hints: ['本人確認書類の画像による確認（ホ方式）は、2027年4月1日以降は利用できません。お手数ですが、もう一度送信し、ICチップの読み取りで本人確認を行ってください。'],
}

/**
 * The verdict as stored with the verification (with what was read from the document) and, without
 * the reading, in its DECIDED event: plain JSON. With a 代理人 declared, a denial says whose
 * details did not match, and an agent's mismatches point at the 代理人情報 step's fields.
 */
function resultOf(event: ProviderEvent, subject: VerificationSubject, withAgent: boolean): PrismaNamespace.InputJsonObject {
  if (event.kind === 'approved') return { verdict: 'APPROVED', reasons: [], mismatches: [], ...(event.reading ? { read: { ...event.reading } } : {}) }
  if (event.kind === 'denied') {
    const whose = subject === 'AGENT' ? '代理人の' : withAgent ? '利用者ご本人の' : ''
    const mismatches = event.mismatches.map(({ field, reason, hint }) => ({ field: subject === 'AGENT' ? field.replace(/^user\./, 'agent.agent.') : field, reason, hint: `${whose}${hint}` }))
    return {
      verdict: 'DENIED',
      reasons: event.reasons,
      mismatches,
      // The same shape a staff denial records: what the applicant's correction page shows.
      denial: {
        fields: mismatches.map((mismatch) => mismatch.field),
        hints: mismatches.length > 0 ? mismatches.map((mismatch) => mismatch.hint) : [GENERIC_DENIAL[subject === 'AGENT' ? 'AGENT' : withAgent ? 'CUSTOMER' : 'ALONE']],
      },
    }
  }
  return {}
}

const GENERIC_DENIAL = {
  ALONE: 'フォームの内容と本人確認書類の内容が一致しませんでした。',
  CUSTOMER: '利用者情報の内容と、利用者ご本人の本人確認書類の内容が一致しませんでした。',
  AGENT: '代理人情報の内容と、代理人の本人確認書類の内容が一致しませんでした。',
}

/** The document's reading stays with the verification: events carry the verdict only. */
function withoutReading(result: PrismaNamespace.InputJsonObject): PrismaNamespace.InputJsonObject {
  const { read: _read, ...rest } = result
  return rest
}
