import { recordEvent } from '#src/state/event-log.ts'
import type { InquiryBody } from '@kakunin/schema/inquiry'
import { INQUIRY_KIND_LABELS } from '@kakunin/schema/inquiry'
import type { AppDeps } from '#src/deps.ts'
import { enqueueEmail } from '#src/email/outbox.ts'
import { inquiryReceivedEmail } from '#src/email/templates.ts'
import { nextReference } from '#src/db/reference-number.ts'

/**
 * Stores an inquiry and queues its acknowledgement in one transaction. Opened from an
 * application's page, it is attached to that application (through the session, never an id).
 */
export async function receiveInquiry(deps: Pick<AppDeps, 'prisma' | 'mail' | 'clock'>, body: InquiryBody, applicationId: string | null) {
  const { mail } = deps
  const now = deps.clock()
  return deps.prisma.$transaction(async (tx) => {
    const reference = await nextReference(tx, 'INQ', now)
    const inquiry = await tx.inquiry.create({
      data: {
        reference,
        kind: body.kind,
        name: body.name,
        email: body.email,
        accountSid: body.accountSid || null,
        content: body.content,
        applicationId,
        createdAt: now,
      },
    })
    if (applicationId) {
      await recordEvent(tx, applicationId, { type: 'INQUIRY_RECEIVED', actorType: 'APPLICANT', actorId: null, data: { inquiryId: inquiry.id, reference } }, now)
    }
    const email = inquiryReceivedEmail({ reference, name: body.name, kindLabel: INQUIRY_KIND_LABELS[body.kind], signature: mail.signature })
    await enqueueEmail(tx, mail.fromAddress, { applicationId, to: body.email, email }, now)
    return { reference }
  })
}
