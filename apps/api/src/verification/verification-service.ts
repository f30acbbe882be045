import QRCode from 'qrcode'
import { AGENT_EVIDENCE_KINDS, evidenceKindFor, groundsFor, type AgentEvidenceKind } from '@kakunin/schema/agent-ground'
import { fullName } from '@kakunin/schema/form/person'
import type { AgentVerificationView, CurrentVerificationResponse, VerificationView } from '@kakunin/schema/verification'
import { agentGroundOf, agentOf, answersOf } from '#src/state/approval-evidence.ts'
import { AGENT_VERIFIABLE_STATUSES, VERIFIABLE_STATUSES } from '@kakunin/schema/status-machine'
import { recordEvent } from '#src/state/event-log.ts'
import type { AppDeps } from '#src/deps.ts'
import type { Application, Verification, VerificationSubject } from '#src/generated/prisma/client.ts'
import { conflict, notFound } from '#src/http/api-error.ts'
import type { Mismatch } from './provider.ts'


export async function toVerificationView(verification: Verification, now: Date): Promise<VerificationView> {
  const expired = (verification.status === 'PENDING' || verification.status === 'STARTED') && verification.expiresAt <= now
  const result = verification.result as { mismatches?: Mismatch[] } | null
  return {
    id: verification.id,
    subject: verification.subject,
    status: expired ? 'EXPIRED' : verification.status,
    url: verification.url,
    qrCode: await QRCode.toDataURL(verification.url, { errorCorrectionLevel: 'M', margin: 2, width: 240 }),
    expiresAt: verification.expiresAt.toISOString(),
    mismatches: (result?.mismatches ?? []).map(({ field, hint }) => ({ field, hint })),
  }
}

/**
 * 利用者身元確認プランの確認を行う: opens a session with the provider for a submitted application
 * and records it. A new session (after one expired) never replaces the old ones in the record.
 */
export async function startVerification(
  deps: Pick<AppDeps, 'prisma' | 'providers' | 'clock' | 'settings'>,
  applicationId: string,
  options: { publicBaseUrl: string; subject?: VerificationSubject },
) {
  const { prisma } = deps
  const provider = deps.providers.active
  const now = deps.clock()
  const subject = options.subject ?? 'CUSTOMER'
  const application = await prisma.application.findUnique({ where: { id: applicationId } })
  if (!application) throw notFound('お申し込みが見つかりません')
  if (application.flow !== 'FIRST_TIME') throw conflict('取引時確認済みのAccount SIDとの紐付けでは、本人確認は行いません。')
  const agent = agentOf(application)
  if (subject === 'AGENT' && !agent) throw conflict('このお申し込みには代理人がいないため、代理人の本人確認は行いません。')
  // With a 代理人, one person's session may be done (IN_REVIEW) while the other's is still to come.
  if (!(agent ? AGENT_VERIFIABLE_STATUSES : VERIFIABLE_STATUSES).includes(application.status)) throw conflict('このお申し込みは本人確認を行える状態ではありません。')
  const latest = await latestSession(prisma, application, subject)
  if (latest?.status === 'SUBMITTED') throw conflict('本人確認の内容を確認中です。結果をお待ちください。')
  if (latest?.status === 'APPROVED') throw conflict(subject === 'AGENT' ? '代理人の本人確認は完了しています。' : '利用者ご本人の本人確認は完了しています。')

  const person = subject === 'AGENT' ? agent : answersOf(application).user
  if (!person) throw conflict('利用者情報が入力されていません。')
  const { familyName, givenName, familyNameKana, givenNameKana, birthDate, address } = person
  const expiresAt = new Date(now.getTime() + deps.settings.verificationSessionMinutes * 60_000)
  const session = await provider.createSession({
    // The provider compares the person whose phone scans this code: the customer, or the agent.
    comparing: { reference: application.reference, familyName, givenName, familyNameKana, givenNameKana, birthDate, address },
    publicBaseUrl: options.publicBaseUrl,
    expiresAt,
    now,
  })
  const verification = await prisma.$transaction(async (tx) => {
    const created = await tx.verification.create({
      data: { applicationId, subject, provider: provider.name, providerReference: session.providerReference, url: session.url, expiresAt, createdAt: now },
    })
    await recordEvent(
      tx,
      applicationId,
      {
        type: 'VERIFICATION_REQUESTED',
        actorType: 'APPLICANT',
        actorId: null,
        data: { verificationId: created.id, provider: provider.name, providerReference: session.providerReference, expiresAt, subject },
      },
      now,
    )
    return created
  })
  return toVerificationView(verification, now)
}

/**
 * The verification of the current submission: after a correction and resubmission, the earlier
 * (denied) sessions belong to the history, not to what the applicant is doing now.
 */
/** One person's latest session of the current submission (earlier ones belong to the history). */
function latestSession(prisma: AppDeps['prisma'], application: Pick<Application, 'id' | 'submittedAt'>, subject: VerificationSubject) {
  return prisma.verification.findFirst({
    where: { applicationId: application.id, subject, ...(application.submittedAt ? { createdAt: { gte: application.submittedAt } } : {}) },
    orderBy: { createdAt: 'desc' },
  })
}

export async function currentVerification(deps: Pick<AppDeps, 'prisma' | 'clock'>, applicationId: string): Promise<CurrentVerificationResponse> {
  const { prisma } = deps
  const now = deps.clock()
  const application = await prisma.application.findUnique({ where: { id: applicationId }, select: { status: true, submittedAt: true, answers: true } })
  if (!application) throw notFound('お申し込みが見つかりません')
  const located = { id: applicationId, submittedAt: application.submittedAt }
  const latest = await latestSession(prisma, located, 'CUSTOMER')
  const agent = agentOf(application)
  return {
    applicationStatus: application.status,
    verification: latest ? await toVerificationView(latest, now) : null,
    agent: agent ? await agentView(deps, applicationId, application, agent, await latestSession(prisma, located, 'AGENT'), now) : null,
  }
}

async function agentView(
  deps: Pick<AppDeps, 'prisma'>,
  applicationId: string,
  application: { submittedAt: Date | null; answers: unknown },
  agent: NonNullable<ReturnType<typeof agentOf>>,
  latest: Verification | null,
  now: Date,
): Promise<AgentVerificationView> {
  const ofSubmission = application.submittedAt ? { createdAt: { gte: application.submittedAt } } : {}
  const evidence = await deps.prisma.agentEvidenceDocument.findMany({ where: { applicationId, ...ofSubmission }, orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, createdAt: true } })
  const ground = await agentGroundOf(deps.prisma, { id: applicationId, submittedAt: application.submittedAt })
  return {
    name: fullName(agent),
    relationship: agent.relationship,
    verification: latest ? await toVerificationView(latest, now) : null,
    evidenceKind: evidenceKindFor(agent.relationship),
    // Only a 法定代理人 must upload: a relative at the customer's address is shown by the two verified
    // documents, and for anyone else staff can call the customer instead of reading a 委任状.
    evidenceRequired: !groundsFor(agent.relationship).includes('PHONE_CONFIRMATION'),
    evidence: evidence.filter((e) => isAgentEvidenceKind(e.kind)).map((e) => ({ id: e.id, kind: e.kind as AgentEvidenceKind, createdAt: e.createdAt.toISOString() })),
    groundDecided: ground !== null,
  }
}

const isAgentEvidenceKind = (kind: string): kind is AgentEvidenceKind => (AGENT_EVIDENCE_KINDS as readonly string[]).includes(kind)
