import { AGENT_GROUND_LABELS, groundsFor, GROUND_OF_EVIDENCE, type AgentEvidenceKind, type AgentGroundDecision } from '@kakunin/schema/agent-ground'
import { RELATIONSHIP_LABELS } from '@kakunin/schema/form/agent-step'
import type { StaffPerson } from '@kakunin/schema/staff'
import type { AppDeps } from '#src/deps.ts'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { conflict, notFound, validationFailed } from '#src/http/api-error.ts'
import { agentOf, livesAtCustomerAddress, verificationOfRecord } from './approval-evidence.ts'
import { recordEvent } from './event-log.ts'
import { lockApplication } from './lock-application.ts'

/** After submission and before a decision: while the ground can still be decided. */
const OPEN: readonly string[] = ['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'ENHANCED_REVIEW']

/**
 * 施行規則12条5項: a named staff person records why the 代理人 acts for the customer: the uploaded
 * document they read (法定代理人, 委任状), the call they made to the customer, or a relative at the
 * customer's address. Checked against the record, appended as an event; the approval itself is
 * still the transition module's (which refuses APPROVED without a ground).
 */
/** The staff key acting, as the event records it. */
interface ActingKey {
  id: string
  name: string
  role: string
}

export async function decideAgentGround(deps: Pick<AppDeps, 'prisma' | 'clock'>, applicationId: string, decision: AgentGroundDecision, staff: ActingKey, person: StaffPerson) {
  const now = deps.clock()
  // Under the application's row lock, as every status change: a ground cannot land after a
  // decision, nor two grounds race an approval that checked the other.
  await deps.prisma.$transaction(async (tx) => {
    if (!(await lockApplication(tx, applicationId))) throw notFound('お申し込みが見つかりません')
    await decideLocked(tx, applicationId, decision, staff, person, now)
  })
}

async function decideLocked(tx: TransactionClient, applicationId: string, decision: AgentGroundDecision, staff: ActingKey, person: StaffPerson, now: Date) {
  const application = await tx.application.findUnique({ where: { id: applicationId } })
  if (!application) throw notFound('お申し込みが見つかりません')
  const agent = agentOf(application)
  if (application.flow !== 'FIRST_TIME' || !agent) throw conflict('このお申し込みには代理人がいません。')
  if (!OPEN.includes(application.status) || !application.submittedAt) throw conflict('代理人の確認を記録できるのは、送信済みで審査が終わっていないお申し込みだけです。')
  const submittedAt = application.submittedAt
  if (!groundsFor(agent.relationship).includes(decision.ground)) {
    const relationship = agent.relationship === 'OTHER' ? agent.relationshipOther : RELATIONSHIP_LABELS[agent.relationship]
    throw validationFailed({ ground: `代理人との関係が「${relationship}」の場合、「${AGENT_GROUND_LABELS[decision.ground]}」では確認できません` })
  }

  const evidence: Record<string, string> = {}
  if (decision.ground === 'LEGAL_REPRESENTATIVE' || decision.ground === 'POWER_OF_ATTORNEY') {
    const document = await tx.agentEvidenceDocument.findUnique({ where: { id: decision.documentId }, select: { applicationId: true, kind: true, sha256: true, createdAt: true } })
    const proves = document && GROUND_OF_EVIDENCE[document.kind as AgentEvidenceKind]
    if (!document || document.applicationId !== applicationId || document.createdAt < submittedAt || proves !== decision.ground) {
      throw validationFailed({ documentId: 'このお申し込みで提出された、この確認方法の書類を指定してください' })
    }
    Object.assign(evidence, { documentId: decision.documentId, sha256: document.sha256 })
  }
  if (decision.ground === 'COHABITING_RELATIVE') {
    const [customer, agentVerification] = [await verificationOfRecord(tx, application), await verificationOfRecord(tx, application, 'AGENT')]
    if (!livesAtCustomerAddress(application, { customer, agent: agentVerification })) {
      throw conflict('利用者と代理人の住所が一致しないため、同居の親族として確認できません。委任状または利用者への電話で確認してください。')
    }
  }
  if (decision.ground === 'PHONE_CONFIRMATION') {
    const calledAt = new Date(decision.calledAt)
    if (calledAt < submittedAt || calledAt > now) throw validationFailed({ calledAt: 'お申し込みの送信から今までの日時を入力してください' })
    Object.assign(evidence, { phoneNumber: decision.phoneNumber, numberSource: decision.numberSource, calledAt: calledAt.toISOString() })
  }
  await recordEvent(
    tx,
    applicationId,
    {
      type: 'AGENT_GROUND_DECIDED',
      actorType: 'STAFF',
      actorId: staff.id,
      data: { ground: decision.ground, ...evidence, ...(decision.note ? { note: decision.note } : {}), keyName: staff.name, role: staff.role, person },
    },
    now,
  )
}
