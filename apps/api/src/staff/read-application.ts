import { applicationEvent } from '@kakunin/schema/events'
import type { AgentEvidenceKind } from '@kakunin/schema/agent-ground'
import type { ReviewDocumentKind } from '@kakunin/schema/high-risk'
import { answersOf } from '#src/state/approval-evidence.ts'
import { toSummary } from '#src/state/application-view.ts'
import { recordEvent } from '#src/state/event-log.ts'
import type { AppDeps } from '#src/deps.ts'
import type { Prisma } from '#src/db/prisma-plugin.ts'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { notFound } from '#src/http/api-error.ts'
import type { StaffIdentity } from './staff-auth.ts'

const iso = (date: Date | null) => date?.toISOString() ?? null

/**
 * One application with everything the 確認記録 holds. Reading full personal data is itself
 * recorded: which key, when.
 */
export async function readApplication(deps: Pick<AppDeps, 'prisma' | 'clock'>, id: string, staff: StaffIdentity, purpose: 'VIEWED' | 'EXPORTED' = 'VIEWED') {
  const { prisma } = deps
  if (!(await prisma.application.findUnique({ where: { id }, select: { id: true } }))) throw notFound('お申し込みが見つかりません')
  await recordEvent(prisma, id, { type: `PII_${purpose}`, actorType: 'STAFF', actorId: staff.id, data: { keyName: staff.name, role: staff.role } }, deps.clock())
  return loadApplicationRecord(prisma, id)
}

/** The same, read inside a transaction (the approval freezing its 確認記録) or after the event above. */
export async function loadApplicationRecord(prisma: Prisma | TransactionClient, id: string) {
  const application = await prisma.application.findUnique({
    where: { id },
    include: {
      verifications: { orderBy: { createdAt: 'asc' } },
      emails: { orderBy: { createdAt: 'asc' } },
      reviewDocuments: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, type: true, bytes: true, sha256: true, createdAt: true } },
      // Never the content: the record names a document by its fingerprint.
      agentEvidence: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, type: true, bytes: true, sha256: true, createdAt: true } },
    },
  })
  if (!application) throw notFound('お申し込みが見つかりません')
  const events = await prisma.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { id: 'asc' } })
  return {
    ...toSummary(application),
    answers: answersOf(application),
    submittedAt: iso(application.submittedAt),
    verifications: application.verifications.map((v) => ({
      id: v.id,
      provider: v.provider,
      providerReference: v.providerReference,
      subject: v.subject,
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
    reviewDocuments: application.reviewDocuments.map((d) => ({ ...d, kind: d.kind as ReviewDocumentKind, createdAt: d.createdAt.toISOString() })),
    agentEvidence: application.agentEvidence.map((d) => ({ ...d, kind: d.kind as AgentEvidenceKind, createdAt: d.createdAt.toISOString() })),
    // Parsed by the catalogue: each event is typed by its `type`.
    events: events.map((e) =>
      applicationEvent.parse({
        id: e.id.toString(),
        type: e.type,
        actorType: e.actorType,
        actorId: e.actorId,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        data: e.data,
        createdAt: e.createdAt.toISOString(),
      }),
    ),
  }
}

export type ApplicationRecord = Awaited<ReturnType<typeof loadApplicationRecord>>
