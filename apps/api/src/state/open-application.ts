import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { appendEvent } from './event-log.ts'

/** A new application's first status, DRAFT, with its CREATED event, inside the caller's transaction. */
export async function openApplication(tx: TransactionClient, input: { reference: string; flow: ApplicationFlow; now: Date }) {
  const application = await tx.application.create({
    data: { reference: input.reference, flow: input.flow, status: 'DRAFT', resumeAt: 'type', createdAt: input.now, updatedAt: input.now },
  })
  await appendEvent(
    tx,
    application.id,
    { type: 'CREATED', actorType: 'APPLICANT', actorId: null, fromStatus: null, toStatus: 'DRAFT', data: { flow: input.flow } },
    input.now,
  )
  return application
}
