import { canTransition } from '@kakunin/schema/status-machine'
import type { ApplicationStatus } from '@kakunin/schema/application'
import type { Prisma } from '../db/prisma-plugin.ts'
import { Prisma as PrismaNamespace, type VerificationStatus } from '../generated/prisma/client.ts'
import { conflict, notFound } from '../http/api-error.ts'
import type { ProviderEvent } from './provider.ts'
import type { MailSettings } from '../email/mail-plugin.ts'
import { queueVerdictEmail } from '../email/verdict-email.ts'

type Outcome = 'applied' | 'duplicate'

const MOVES: Record<ProviderEvent['kind'], { verification: VerificationStatus; application: ApplicationStatus; event: string }> = {
  started: { verification: 'STARTED', application: 'VERIFYING', event: 'VERIFICATION_STARTED' },
  submitted: { verification: 'SUBMITTED', application: 'IN_REVIEW', event: 'VERIFICATION_SUBMITTED' },
  approved: { verification: 'APPROVED', application: 'APPROVED', event: 'DECIDED' },
  denied: { verification: 'DENIED', application: 'DENIED', event: 'DECIDED' },
}

/**
 * Applies a verified provider event: the verification and the application move together, with an
 * event, in one transaction that also stores the webhook's id, so the same event twice changes
 * nothing. A move the status rules forbid is refused (409) and recorded as such.
 */
export async function applyProviderEvent(
  prisma: Prisma,
  mail: MailSettings & { resumeHours: number },
  provider: string,
  event: ProviderEvent,
  payload: unknown,
  now: Date,
): Promise<Outcome> {
  const verification = await prisma.verification.findUnique({
    where: { provider_providerReference: { provider, providerReference: event.providerReference } },
    include: { application: { select: { status: true, reference: true, answers: true } } },
  })
  if (!verification) throw notFound('unknown verification session')
  const move = MOVES[event.kind]
  const from = verification.application.status
  const duplicate = await prisma.webhookReceipt.findUnique({ where: { provider_eventId: { provider, eventId: event.eventId } } })
  if (duplicate) return 'duplicate'

  // A new session started after an earlier one expired finds the application VERIFYING already:
  // the session moves on, the application stays where it is.
  const alreadyThere = event.kind === 'started' && from === move.application
  if (!alreadyThere && !canTransition(from, move.application, 'PROVIDER')) {
    await prisma.applicationEvent.create({
      data: {
        applicationId: verification.applicationId,
        type: 'PROVIDER_EVENT_REFUSED',
        actorType: 'PROVIDER',
        actorId: provider,
        fromStatus: from,
        data: { eventId: event.eventId, kind: event.kind, verificationId: verification.id, wanted: move.application },
        createdAt: now,
      },
    })
    throw conflict(`application is ${from}; ${event.kind} cannot apply`)
  }

  const decided = event.kind === 'approved' || event.kind === 'denied'
  try {
    await prisma.$transaction(async (tx) => {
      await tx.webhookReceipt.create({ data: { provider, eventId: event.eventId, payload: payload as object, receivedAt: now } })
      await tx.verification.update({
        where: { id: verification.id },
        data: {
          status: move.verification,
          ...(event.kind === 'started' ? { startedAt: event.occurredAt, method: event.method, documentType: event.documentType } : {}),
          ...(event.kind === 'submitted' ? { submittedAt: event.occurredAt } : {}),
          ...(decided ? { decidedAt: event.occurredAt, result: resultOf(event) } : {}),
        },
      })
      if (!alreadyThere) {
        const moved = await tx.application.updateMany({
          where: { id: verification.applicationId, status: from },
          data: { status: move.application, version: { increment: 1 }, updatedAt: now },
        })
        if (moved.count === 0) throw conflict('application changed meanwhile')
      }
      await tx.applicationEvent.create({
        data: {
          applicationId: verification.applicationId,
          type: move.event,
          actorType: 'PROVIDER',
          actorId: provider,
          fromStatus: from,
          toStatus: move.application,
          data: { eventId: event.eventId, verificationId: verification.id, ...(decided ? resultOf(event) : {}) },
          createdAt: now,
        },
      })
      if (event.kind === 'approved' || event.kind === 'denied') {
        const application = { id: verification.applicationId, ...verification.application }
        const verdict = event.kind === 'approved' ? { approved: true as const } : { approved: false as const, hints: event.mismatches.map((m) => m.hint) }
        await queueVerdictEmail(tx, mail, application, verdict, now)
      }
    })
  } catch (error) {
    // The same event delivered twice at once: the other delivery stored it first.
    if (error instanceof PrismaNamespace.PrismaClientKnownRequestError && error.code === 'P2002') return 'duplicate'
    throw error
  }
  return 'applied'
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
