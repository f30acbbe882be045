import type { ApplicationStatus } from '@kakunin/schema/application'
import type { StatusEventType } from '@kakunin/schema/events'
import type { AppDeps } from '#src/deps.ts'
import { Prisma as PrismaNamespace, type VerificationStatus } from '#src/generated/prisma/client.ts'
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
        ...(decided ? { decidedAt: event.occurredAt, result: resultOf(event) } : {}),
      },
    })
  }
  try {
    await changeStatus(
      { prisma, mail },
      {
        applicationId: verification.applicationId,
        to: move.application,
        actor: { type: 'PROVIDER', id: provider },
        event: { type: move.event, data: { eventId: event.eventId, verificationId: verification.id, ...(decided ? resultOf(event) : {}) } },
        ...(event.kind === 'approved' ? { evidence: { verificationId: verification.id } } : {}),
        // A new session started after an earlier one expired finds the application VERIFYING already.
        allowUnchanged: event.kind === 'started',
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

const METHOD_DENIAL = {
  fields: [],
  hints: ['本人確認書類の画像による確認（ホ方式）は、2027年4月1日以降は利用できません。お手数ですが、もう一度送信し、ICチップの読み取りで本人確認を行ってください。'],
}

/** The verdict as stored with the verification and its DECIDED event: plain JSON. */
function resultOf(event: ProviderEvent): PrismaNamespace.InputJsonObject {
  if (event.kind === 'approved') return { verdict: 'APPROVED', reasons: [], mismatches: [] }
  if (event.kind === 'denied') {
    return {
      verdict: 'DENIED',
      reasons: event.reasons,
      mismatches: event.mismatches.map(({ field, reason, hint }) => ({ field, reason, hint })),
      // The same shape a staff denial records: what the applicant's correction page shows.
      denial: {
        fields: event.mismatches.map((mismatch) => mismatch.field),
        hints: event.mismatches.length > 0 ? event.mismatches.map((mismatch) => mismatch.hint) : ['フォームの内容と本人確認書類の内容が一致しませんでした。'],
      },
    }
  }
  return {}
}
