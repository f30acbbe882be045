import { formatAddress } from '@kakunin/schema/address'
import { normalizeAddress } from '@kakunin/schema/address-notation'
import type { AgentGround } from '@kakunin/schema/agent-ground'
import { draftAnswers, type DraftAnswers } from '@kakunin/schema/form/application-form'
import { stepDrafts, type StepDrafts } from '@kakunin/schema/form/step-drafts'
import { highRiskGrounds, requiredReviewDocuments, type HighRiskGround, type ReviewDocumentKind } from '@kakunin/schema/high-risk'
import { isMethodAvailable, isVerificationMethod } from '@kakunin/schema/verification-method'
import type { Application, OwnerConfirmation, Verification, VerificationSubject } from '#src/generated/prisma/client.ts'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { documentReading, type DocumentReading } from '@kakunin/schema/verification'

// What APPROVED rests on, read from the record itself (never from what a caller says): the
// verification of record of a first-time application, the chain of an already-verified one, and
// whether the customer is high-risk.

type Db = Pick<TransactionClient, 'verification' | 'applicationEvent' | 'application' | 'ownerConfirmation' | 'reviewDocument'>

/** The stored answers parsed with the shared schema, or null when the row fails it. */
function readAnswers(application: Pick<Application, 'answers'>): DraftAnswers | null {
  const parsed = draftAnswers.safeParse(withoutDrafts(application.answers))
  return parsed.success ? parsed.data : null
}

// Drafts (fields of a step not yet saved whole) share the answers column but are never answers.
function withoutDrafts(answers: unknown): unknown {
  if (!answers || typeof answers !== 'object' || !('drafts' in answers)) return answers
  const { drafts: _drafts, ...rest } = answers as Record<string, unknown>
  return rest
}

/** The draft fields kept for steps not yet saved whole (a part that fails the schema is dropped). */
export function draftsOf(application: Pick<Application, 'answers'>): StepDrafts {
  const answers = application.answers as { drafts?: unknown } | null
  const parsed = stepDrafts.safeParse(answers?.drafts ?? {})
  return parsed.success ? parsed.data : {}
}

/** The stored answers, parsed with the shared schema (a row that fails it answers as empty). */
export const answersOf = (application: Pick<Application, 'answers'>): DraftAnswers => readAnswers(application) ?? {}

/** When the provider received the images or IC data: the moment the method's lawfulness is judged by. */
export const receivedAt = (verification: Pick<Verification, 'submittedAt' | 'startedAt' | 'decidedAt' | 'createdAt'>) =>
  verification.submittedAt ?? verification.startedAt ?? verification.decidedAt ?? verification.createdAt

/** A decided, approved verification by a method lawful on the day its data was received. */
export function isLawfulVerification(verification: Verification): boolean {
  return verification.status === 'APPROVED' && isVerificationMethod(verification.method) && isMethodAvailable(verification.method, receivedAt(verification))
}

/**
 * The verification of record of the current submission: approved, by a lawful method, and opened
 * after the application was (re)submitted, so it compared the customer as now declared (answers
 * cannot change after submitting).
 */
export async function verificationOfRecord(
  db: Db,
  application: Pick<Application, 'id' | 'submittedAt'>,
  subject: VerificationSubject = 'CUSTOMER',
): Promise<Verification | null> {
  if (!application.submittedAt) return null
  const approved = await db.verification.findMany({
    where: { applicationId: application.id, subject, status: 'APPROVED', createdAt: { gte: application.submittedAt } },
    orderBy: { decidedAt: 'desc' },
  })
  return approved.find(isLawfulVerification) ?? null
}

export async function isSuspicionFlagged(db: Db, applicationId: string): Promise<boolean> {
  return (await db.applicationEvent.count({ where: { applicationId, type: 'SUSPICION_FLAGGED' } })) > 0
}

/** Why a customer is high-risk. Answers the shared schema cannot read count as a 外国PEP: the check fails closed. */
export async function highRiskOf(db: Db, application: Pick<Application, 'id' | 'answers'>): Promise<HighRiskGround[]> {
  const answers = readAnswers(application)
  const suspicionFlagged = await isSuspicionFlagged(db, application.id)
  if (!answers) return ['FOREIGN_PEP', ...(suspicionFlagged ? (['SUSPICION'] as const) : [])]
  return highRiskGrounds(answers, { suspicionFlagged })
}

/** The enhanced-review documents still missing. */
export async function missingReviewDocuments(db: Db, application: Pick<Application, 'id' | 'answers'>): Promise<ReviewDocumentKind[]> {
  const uploaded = new Set((await db.reviewDocument.findMany({ where: { applicationId: application.id }, select: { kind: true } })).map((d) => d.kind))
  return requiredReviewDocuments(answersOf(application)).filter((kind) => !uploaded.has(kind))
}

export interface VerifiedRoot {
  /** The application whose Account SID was cited. */
  reliedOn: Application
  /** The first-time application at the root of the chain, and its verification of record. */
  root: Application
  rootVerification: Verification
}

/**
 * 犯収法4条3項 relies on a customer verified before: the cited Account SID's APPROVED application,
 * followed through the owners' confirmations of any links down to a first-time application with a
 * lawful verification of record. An approval without one (a bare staff approval, a link approved
 * before confirmations existed) verifies nothing to rely on.
 */
export async function verifiedRootOf(db: Db, accountSid: string): Promise<VerifiedRoot | null> {
  const reliedOn = await db.application.findFirst({ where: { accountSid, status: 'APPROVED' }, orderBy: { createdAt: 'asc' } })
  if (!reliedOn) return null
  if (reliedOn.flow === 'FIRST_TIME') {
    const rootVerification = await verificationOfRecord(db, reliedOn)
    return rootVerification ? { reliedOn, root: reliedOn, rootVerification } : null
  }
  const confirmation = await db.ownerConfirmation.findFirst({ where: { applicationId: reliedOn.id, decision: 'CONFIRMED' }, orderBy: { decidedAt: 'desc' } })
  const root = confirmation ? await rootOf(db, confirmation) : null
  return root ? { reliedOn, ...root } : null
}

/** The root a confirmation rests on, while it still holds: APPROVED, with its lawful verification. */
export async function rootOf(db: Db, confirmation: Pick<OwnerConfirmation, 'rootApplicationId' | 'rootVerificationId'>) {
  const root = await db.application.findUnique({ where: { id: confirmation.rootApplicationId } })
  const rootVerification = await db.verification.findUnique({ where: { id: confirmation.rootVerificationId } })
  if (!root || root.status !== 'APPROVED' || !rootVerification || !isLawfulVerification(rootVerification)) return null
  return { root, rootVerification }
}

/** The 代理人 declared in the answers, if any. */
export function agentOf(application: Pick<Application, 'answers'>) {
  const agent = answersOf(application).agent
  return agent?.hasAgent === 'YES' ? agent.agent : null
}

/** The ground of this submission's 代理人 (施行規則12条5項), as last decided: an AGENT_GROUND_DECIDED event. */
export async function agentGroundOf(db: Db, application: Pick<Application, 'id' | 'submittedAt'>) {
  if (!application.submittedAt) return null
  const event = await db.applicationEvent.findFirst({
    where: { applicationId: application.id, type: 'AGENT_GROUND_DECIDED', createdAt: { gte: application.submittedAt } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })
  return event ? { id: event.id, ...(event.data as { ground: AgentGround }) } : null
}

/** What the provider read from an approved verification's document, when it said. */
export function readingOf(verification: Pick<Verification, 'result'> | null): DocumentReading | null {
  const parsed = documentReading.safeParse((verification?.result as { read?: unknown } | null)?.read)
  return parsed.success ? parsed.data : null
}

/**
 * 同居の親族: the two people's addresses are the same place. With both verifications, as read from
 * each one's document (the vendor approved each against its own); before, as declared.
 */
export function livesAtCustomerAddress(
  application: Pick<Application, 'answers'>,
  verifications: { customer: Pick<Verification, 'result'> | null; agent: Pick<Verification, 'result'> | null } = { customer: null, agent: null },
): boolean {
  const answers = answersOf(application)
  const agent = agentOf(application)
  if (!answers.user || !agent) return false
  const read = [readingOf(verifications.customer), readingOf(verifications.agent)]
  const [customerAddress, agentAddress] = read[0] && read[1] ? [read[0].address, read[1].address] : [formatAddress(answers.user.address), formatAddress(agent.address)]
  return normalizeAddress(withoutPostalCode(customerAddress)) === normalizeAddress(withoutPostalCode(agentAddress))
}

const withoutPostalCode = (address: string) => address.replace(/^〒?\s*\d{3}-?\d{4}\s*/, '')

/** Whether the answers can be read at all: the agent's check fails closed when they cannot. */
export const answersReadable = (application: Pick<Application, 'answers'>) => readAnswers(application) !== null
