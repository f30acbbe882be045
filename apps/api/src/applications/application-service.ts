import type { FastifyReply } from 'fastify'
import type pg from 'pg'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import type { Prisma } from '../db/prisma-plugin.ts'
import { notFound } from '../http/api-error.ts'
import { toApplicantView } from './application-view.ts'
import { nextReference } from './reference-number.ts'
import { openApplication } from '../state/open-application.ts'

/**
 * Opens a DRAFT application and this browser's session for it. The reference number, the row,
 * its CREATED event and the session are written in one transaction, so a failure leaves nothing
 * behind (not even a used number).
 */
export async function createApplication(
  prisma: Prisma,
  pool: pg.Pool,
  reply: FastifyReply,
  input: { flow: ApplicationFlow },
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const reference = await nextReference(tx, 'KYC', now)
    const application = await openApplication(tx, { reference, flow: input.flow, now })
    await reply.startApplicantSession(tx, application.id, now)
    return toApplicantView(pool, application)
  })
}

export async function findApplicantApplication(prisma: Prisma, pool: pg.Pool, id: string) {
  const application = await prisma.application.findUnique({ where: { id } })
  if (!application) throw notFound('お申し込みが見つかりません')
  return toApplicantView(pool, application)
}
