import type { DraftAnswers } from '@kakunin/schema/form/application-form'
import type { Prisma } from '../db/prisma-plugin.ts'
import { notFound } from '../http/api-error.ts'
import type { StaffIdentity } from './staff-auth.ts'

const iso = (date: Date | null) => date?.toISOString() ?? null

/**
 * One application with everything the 確認記録 holds. Reading full personal data is itself
 * recorded: which key, when.
 */
export async function readApplication(prisma: Prisma, id: string, staff: StaffIdentity, purpose: 'VIEWED' | 'EXPORTED' = 'VIEWED') {
  const application = await prisma.application.findUnique({
    where: { id },
    include: {
      verifications: { orderBy: { createdAt: 'asc' } },
      emails: { orderBy: { createdAt: 'asc' } },
    },
  })
  if (!application) throw notFound('お申し込みが見つかりません')
  await prisma.applicationEvent.create({
    data: { applicationId: id, type: `PII_${purpose}`, actorType: 'STAFF', actorId: staff.id, data: { keyName: staff.name, role: staff.role } },
  })
  const events = await prisma.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { id: 'asc' } })
  return {
    id: application.id,
    reference: application.reference,
    flow: application.flow,
    status: application.status,
    version: application.version,
    answers: application.answers as DraftAnswers,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    submittedAt: iso(application.submittedAt),
    verifications: application.verifications.map((v) => ({
      id: v.id,
      provider: v.provider,
      providerReference: v.providerReference,
      method: v.method,
      documentType: v.documentType,
      status: v.status,
      createdAt: v.createdAt.toISOString(),
      startedAt: iso(v.startedAt),
      submittedAt: iso(v.submittedAt),
      decidedAt: iso(v.decidedAt),
      result: (v.result as Record<string, unknown> | null) ?? null,
    })),
    emails: application.emails.map((e) => ({
      id: e.id,
      template: e.template,
      to: e.to,
      subject: e.subject,
      status: e.status,
      attempts: e.attempts,
      deliveredTo: e.deliveredTo,
      sentAt: iso(e.sentAt),
      createdAt: e.createdAt.toISOString(),
    })),
    events: events.map((e) => ({
      id: e.id.toString(),
      type: e.type,
      actorType: e.actorType,
      actorId: e.actorId,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      data: e.data,
      createdAt: e.createdAt.toISOString(),
    })),
  }
}

export type ApplicationRecord = Awaited<ReturnType<typeof readApplication>>
