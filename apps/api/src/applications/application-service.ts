import type { ApplicationFlow, ApplicationSummary } from '@kakunin/schema/application'
import type { Prisma } from '../db/prisma-plugin.ts'
import type { Application } from '../generated/prisma/client.ts'
import { formatReference, japanDayKey } from './reference-number.ts'

export function toSummary(application: Application): ApplicationSummary {
  return {
    id: application.id,
    reference: application.reference,
    flow: application.flow,
    status: application.status,
    version: application.version,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  }
}

/**
 * Opens a DRAFT application. The reference number, the row and its CREATED event are written in
 * one transaction, so a failure leaves nothing behind (not even a used number).
 */
export async function createApplication(prisma: Prisma, input: { flow: ApplicationFlow }, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const day = japanDayKey(now)
    // Upsert on a unique key runs as INSERT … ON CONFLICT: concurrent requests queue on the row.
    const counter = await tx.referenceCounter.upsert({
      where: { day },
      create: { day, last: 1 },
      update: { last: { increment: 1 } },
    })
    const application = await tx.application.create({
      data: {
        reference: formatReference(day, counter.last),
        flow: input.flow,
        status: 'DRAFT',
        createdAt: now,
        updatedAt: now,
        events: {
          create: { type: 'CREATED', actorType: 'APPLICANT', toStatus: 'DRAFT', data: { flow: input.flow }, createdAt: now },
        },
      },
    })
    return toSummary(application)
  })
}
