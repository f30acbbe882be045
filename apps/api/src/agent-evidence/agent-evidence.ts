import { AGENT_EVIDENCE_LABELS, evidenceKindFor, groundsFor, GROUND_OF_EVIDENCE, type AgentEvidenceKind } from '@kakunin/schema/agent-ground'
import { AGENT_VERIFIABLE_STATUSES } from '@kakunin/schema/status-machine'
import type { AppDeps } from '#src/deps.ts'
import { ApiError, conflict, notFound } from '#src/http/api-error.ts'
import { readDocument } from '#src/http/document-type.ts'
import { agentOf } from '#src/state/approval-evidence.ts'
import { recordEvent } from '#src/state/event-log.ts'

/**
 * 施行規則12条5項: the applicant uploads what shows why the 代理人 acts (a document showing a
 * 法定代理人, or the customer's 委任状). Kept with the record (bytes and SHA-256), never replaced:
 * staff read it and decide the ground; the upload alone decides nothing.
 */
export async function uploadAgentEvidence(deps: Pick<AppDeps, 'prisma' | 'clock'>, applicationId: string, kind: AgentEvidenceKind, bytes: Buffer) {
  const { prisma } = deps
  const now = deps.clock()
  const application = await prisma.application.findUnique({ where: { id: applicationId } })
  if (!application) throw notFound('お申し込みが見つかりません')
  const agent = agentOf(application)
  if (!agent) throw conflict('このお申し込みには代理人がいないため、書類の提出は必要ありません。')
  if (!AGENT_VERIFIABLE_STATUSES.includes(application.status)) throw conflict('このお申し込みでは、代理人に関する書類を提出できる時期を過ぎています。')
  // The kind must prove a ground this relationship can rest on.
  if (evidenceKindFor(agent.relationship) !== kind || !groundsFor(agent.relationship).includes(GROUND_OF_EVIDENCE[kind])) {
    const message = `代理人との関係が「${agent.relationship === 'LEGAL_GUARDIAN' ? '法定代理人' : '法定代理人以外'}」のお申し込みでは、${AGENT_EVIDENCE_LABELS[evidenceKindFor(agent.relationship)]}を提出してください。`
    throw new ApiError(400, 'VALIDATION_FAILED', message, { kind: message })
  }
  const { type, sha256 } = readDocument(bytes, AGENT_EVIDENCE_LABELS[kind])
  await prisma.$transaction(async (tx) => {
    const document = await tx.agentEvidenceDocument.create({ data: { applicationId, kind, type, bytes: bytes.length, sha256, content: new Uint8Array(bytes), createdAt: now } })
    await recordEvent(tx, applicationId, { type: 'AGENT_EVIDENCE_UPLOADED', actorType: 'APPLICANT', actorId: null, data: { documentId: document.id, kind, type, bytes: bytes.length, sha256 } }, now)
  })
}
