import { canTransition } from '@kakunin/schema/status-machine'
import { DENIAL_REASON_LABELS, type DenialReasonCode, type StaffDecisionBody } from '@kakunin/schema/staff'
import { STALE_VERSION_MESSAGE } from '@kakunin/schema/application'
import type { Prisma } from '../db/prisma-plugin.ts'
import type { MailSettings } from '../email/mail-plugin.ts'
import { queueVerdictEmail } from '../email/verdict-email.ts'
import { conflict, notFound } from '../http/api-error.ts'
import type { StaffIdentity } from './staff-auth.ts'

const FIELDS_OF_REASON: Partial<Record<DenialReasonCode, string[]>> = {
  ID_MISMATCH_NAME: ['user.familyName', 'user.givenName'],
  ID_MISMATCH_BIRTHDATE: ['user.birthDate'],
  ID_MISMATCH_ADDRESS: ['user.address'],
}

/**
 * A reviewer's decision. A staff denial behaves exactly as a provider's: the same DENIED status,
 * the same `denial` in the event for the applicant's correction page, the same email with a link.
 */
export async function decideApplication(
  prisma: Prisma,
  mail: MailSettings & { resumeHours: number },
  id: string,
  staff: StaffIdentity,
  body: StaffDecisionBody,
  now = new Date(),
) {
  const application = await prisma.application.findUnique({ where: { id } })
  if (!application) throw notFound('お申し込みが見つかりません')
  const to = body.decision === 'APPROVE' ? ('APPROVED' as const) : ('DENIED' as const)
  if (!canTransition(application.status, to, 'STAFF')) {
    throw conflict(`${application.status} のお申し込みを ${to} にすることはできません`)
  }
  const denial =
    body.decision === 'DENY'
      ? {
          fields: [...new Set(body.reasonCodes.flatMap((code) => FIELDS_OF_REASON[code] ?? []))],
          hints: [...body.reasonCodes.map((code) => DENIAL_REASON_LABELS[code]), `担当者より: ${body.noteToApplicant}`],
        }
      : null

  await prisma.$transaction(async (tx) => {
    const moved = await tx.application.updateMany({
      where: { id, version: body.version, status: application.status },
      data: { status: to, version: { increment: 1 }, updatedAt: now },
    })
    if (moved.count === 0) throw conflict(STALE_VERSION_MESSAGE)
    await tx.applicationEvent.create({
      data: {
        applicationId: id,
        type: 'DECIDED',
        actorType: 'STAFF',
        actorId: staff.id,
        fromStatus: application.status,
        toStatus: to,
        data: {
          decision: body.decision,
          keyName: staff.name,
          internalNote: body.internalNote ?? null,
          ...(body.decision === 'DENY' ? { reasonCodes: body.reasonCodes, noteToApplicant: body.noteToApplicant, denial } : {}),
        },
        createdAt: now,
      },
    })
    await queueVerdictEmail(tx, mail, application, denial ? { approved: false, hints: denial.hints } : { approved: true }, now)
  })
  return { status: to }
}
