import { APPLICATION_STATUS_LABELS, STALE_VERSION_MESSAGE, type ApplicationStatus } from '@kakunin/schema/application'
import { groundsFor } from '@kakunin/schema/agent-ground'
import type { ErrorCode } from '@kakunin/schema/errors'
import type { StatusEventType } from '@kakunin/schema/events'
import { HIGH_RISK_GROUND_LABELS, REVIEW_DOCUMENT_LABELS, type HighRiskGround } from '@kakunin/schema/high-risk'
import type { StaffRole } from '@kakunin/schema/staff'
import { canTransition, type Actor } from '@kakunin/schema/status-machine'
import type { Prisma } from '#src/db/prisma-plugin.ts'
import { freezeRecord } from '#src/record/freeze-record.ts'
import { queueVerdictEmail, type VerdictMailSettings } from '#src/email/verdict-email.ts'
import type { Application } from '#src/generated/prisma/client.ts'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { ApiError, conflict, notFound } from '#src/http/api-error.ts'
import { normalizeText } from '@kakunin/schema/address-notation'
import { isSamePerson } from '@kakunin/schema/form/person'
import type { DocumentReading } from '@kakunin/schema/verification'
import { agentGroundOf, agentOf, answersOf, answersReadable, highRiskOf, isLawfulVerification, livesAtCustomerAddress, missingReviewDocuments, readingOf, rootOf, verificationOfRecord } from './approval-evidence.ts'
import { appendEvent } from './event-log.ts'
import { lockApplication } from './lock-application.ts'

// The one door for an application's status. Every change (a provider's progress and verdict, a
// staff decision, an owner's confirmation, an expiry, 2回目以降's submit) comes through here, and
// the first-time submit's single statement (applicant-writes.ts) takes its status set from the
// same machine:
// the status machine of packages/schema, then the law's preconditions of APPROVED, then the
// status, its typed event and its email in one transaction (the status webhook is queued by a
// trigger in that same transaction). A refusal changes nothing and, unless it was the applicant's,
// is itself recorded.

export interface StatusActor {
  type: Actor
  /** A staff key id, a provider name, a confirmation id; null for the applicant and the system. */
  id: string | null
  /** For staff: the key's role, which decides who may approve a high-risk application. */
  role?: StaffRole
}

export interface StatusChange {
  applicationId: string
  to: ApplicationStatus
  actor: StatusActor
  /** The version the caller read, when it read one (applicants, staff); a stale one is 409. */
  expectedVersion?: number
  event: { type: StatusEventType; data: Record<string, unknown> }
  /** What APPROVED rests on; checked against the record, never trusted. */
  evidence?: { verificationId?: string; confirmationId?: string; reason?: string }
  /**
   * A provider reporting progress on a session while the application is already there or further
   * on (a new session after one expired; the second person's session of an application with a 代理人).
   */
  allowUnchanged?: boolean
  /**
   * A provider's approval of one person's verification, when the application also waits for the
   * other person's or for the 代理人's ground: instead of a refusal, the status stays and the
   * verdict is recorded (VERIFICATION_APPROVED). The approval comes with the last of them.
   */
  holdUntilComplete?: { subject: 'CUSTOMER' | 'AGENT' }
  /** Writes of the same cause, in the same transaction: before the checks, and after the change. */
  before?: (tx: TransactionClient) => Promise<void>
  after?: (tx: TransactionClient, changed: Application) => Promise<void>
  now: Date
}

export interface StateDeps {
  prisma: Prisma
  mail: VerdictMailSettings
}

/** A move the rules refuse: its code says which rule, its message says it in Japanese. */
export class TransitionRefused extends ApiError {
  readonly rule: string

  constructor(statusCode: 400 | 403 | 409, rule: string, message: string, fields?: Record<string, string>) {
    super(statusCode, ({ 400: 'VALIDATION_FAILED', 403: 'FORBIDDEN', 409: 'CONFLICT' } as const satisfies Record<number, ErrorCode>)[statusCode], message, fields)
    this.rule = rule
  }
}

export async function changeStatus(deps: StateDeps, change: StatusChange): Promise<{ application: Application; to: ApplicationStatus }> {
  try {
    return await deps.prisma.$transaction(async (tx) => {
      await change.before?.(tx)
      // One change of an application at a time: the customer's and the 代理人's verdicts arriving
      // together must each see the other's, or both would wait for the other for good.
      if (!(await lockApplication(tx, change.applicationId))) throw notFound('お申し込みが見つかりません')
      const application = await tx.application.findUnique({ where: { id: change.applicationId } })
      if (!application) throw notFound('お申し込みが見つかりません')
      if (change.expectedVersion !== undefined && application.version !== change.expectedVersion) throw conflict(STALE_VERSION_MESSAGE)
      const from = application.status
      if (change.allowUnchanged && isAtOrPast(from, change.to)) {
        await appendEvent(tx, application.id, eventOf(change, from, from, []), change.now)
        return { application, to: from }
      }
      const { to, grounds, verificationId, agentVerificationId, agentGroundEventId, waitingFor } = await resolveHeld(tx, application, change)
      if (waitingFor) {
        const held = { ...eventOf(change, from, from, []), type: 'VERIFICATION_APPROVED', data: { ...pick(change.event.data, ['eventId', 'verificationId']), subject: change.holdUntilComplete?.subject, waitingFor } }
        await appendEvent(tx, application.id, held as Parameters<typeof appendEvent>[2], change.now)
        return { application, to: from }
      }
      const moved = await tx.application.updateMany({
        where: { id: application.id, status: from, version: application.version },
        data: { status: to, version: { increment: 1 }, updatedAt: change.now, ...(to === 'SUBMITTED' ? { submittedAt: change.now, resumeAt: null } : {}) },
      })
      if (moved.count === 0) throw conflict(STALE_VERSION_MESSAGE)
      await appendEvent(tx, application.id, eventOf(change, from, to, grounds, verificationId, { agentVerificationId, agentGroundEventId }), change.now)
      // A link application that leaves SUBMITTED spends every confirmation still open: a link
      // emailed for this submission can neither approve nor deny a later one.
      if (application.flow === 'LINK_VERIFIED' && from === 'SUBMITTED') {
        await tx.ownerConfirmation.updateMany({ where: { applicationId: application.id, decision: null }, data: { decision: 'SUPERSEDED', decidedAt: change.now } })
      }
      const changed = await tx.application.findUniqueOrThrow({ where: { id: application.id } })
      const denial = change.event.data.denial as { hints?: string[] } | undefined
      await queueVerdictEmail(tx, deps.mail, { ...changed, answers: answersOf(changed) }, to, denial?.hints ?? [], change.now)
      // Approved: the 確認記録 is made now, frozen with its digest, in the same transaction.
      if (to === 'APPROVED') await freezeRecord(tx, application.id, change.now)
      await change.after?.(tx, changed)
      return { application: changed, to }
    })
  } catch (error) {
    if (error instanceof TransitionRefused && change.actor.type !== 'APPLICANT') await recordRefusal(deps.prisma, change, error)
    throw error
  }
}

// A provider's progress never moves an application back: a session started or submitted while
// the application is already further on (the other person's session is ahead) is recorded only.
const PROGRESS: readonly ApplicationStatus[] = ['SUBMITTED', 'VERIFYING', 'IN_REVIEW']
const isAtOrPast = (from: ApplicationStatus, to: ApplicationStatus) => from === to || (PROGRESS.includes(to) && PROGRESS.indexOf(from) > PROGRESS.indexOf(to))

function eventOf(
  change: StatusChange,
  from: ApplicationStatus,
  to: ApplicationStatus,
  grounds: HighRiskGround[],
  verificationId?: string,
  agent: { agentVerificationId?: string; agentGroundEventId?: string } = {},
) {
  return {
    type: change.event.type,
    actorType: change.actor.type,
    actorId: change.actor.id,
    fromStatus: from,
    toStatus: to,
    // An approval names the verification it rests on, whoever approved.
    data: {
      ...change.event.data,
      ...(verificationId ? { verificationId } : {}),
      // An approval with a 代理人 names the agent's verification and the ground it rests on.
      ...(agent.agentVerificationId ? { agentVerificationId: agent.agentVerificationId } : {}),
      ...(agent.agentGroundEventId ? { agentGroundEventId: agent.agentGroundEventId } : {}),
      ...(to === 'ENHANCED_REVIEW' ? { highRiskGrounds: grounds } : {}),
    },
  } as Parameters<typeof appendEvent>[2]
}

type Target = { to: ApplicationStatus; grounds: HighRiskGround[]; verificationId?: string; agentVerificationId?: string; agentGroundEventId?: string; waitingFor?: string }

/** What still missing makes a provider's approval wait rather than fail: the other person's verification, or the ground. */
const HOLD_RULES = new Set(['NO_VERIFICATION', 'AGENT_VERIFICATION_REQUIRED', 'AGENT_GROUND_REQUIRED'])

async function resolveHeld(tx: TransactionClient, application: Application, change: StatusChange): Promise<Target> {
  try {
    return await resolveTarget(tx, application, change)
  } catch (error) {
    if (change.holdUntilComplete && error instanceof TransitionRefused && HOLD_RULES.has(error.rule)) return { to: application.status, grounds: [], waitingFor: error.rule }
    throw error
  }
}

/** The status machine, then what APPROVED needs; a high-risk approval becomes ENHANCED_REVIEW. */
async function resolveTarget(tx: TransactionClient, application: Application, change: StatusChange): Promise<Target> {
  const from = application.status
  if (!canTransition(from, change.to, change.actor.type)) {
    throw new TransitionRefused(409, 'NOT_ALLOWED', `${APPLICATION_STATUS_LABELS[from]}のお申し込みを「${APPLICATION_STATUS_LABELS[change.to]}」にすることはできません。`)
  }
  if (change.to !== 'APPROVED') return { to: change.to, grounds: [] }
  if (application.flow === 'LINK_VERIFIED') {
    await checkOwnerConfirmation(tx, application, change)
    return { to: 'APPROVED', grounds: [] }
  }
  const verificationId = await checkVerificationOfRecord(tx, application, change)
  const { agentVerificationId, agentGroundEventId } = await checkAgent(tx, application, change)
  const grounds = await highRiskOf(tx, application)
  const agent = { agentVerificationId, agentGroundEventId }
  if (from !== 'ENHANCED_REVIEW' && grounds.length === 0) return { to: 'APPROVED', grounds, verificationId, ...agent }
  if (from !== 'ENHANCED_REVIEW') {
    if (!canTransition(from, 'ENHANCED_REVIEW', change.actor.type)) throw new TransitionRefused(409, 'NOT_ALLOWED', '追加の確認が必要なお申し込みです。')
    return { to: 'ENHANCED_REVIEW', grounds, verificationId, ...agent }
  }
  await checkComplianceApproval(tx, application, change, grounds)
  return { to: 'APPROVED', grounds, verificationId, ...agent }
}

/**
 * 犯収法4条4項: a declared 代理人 is verified by a lawful method of their own, and why they act for
 * the customer is established (施行規則12条5項). A relative at the customer's verified address
 * needs nothing more: the system records that ground here; any other is decided by staff.
 */
async function checkAgent(tx: TransactionClient, application: Application, change: StatusChange): Promise<{ agentVerificationId?: string; agentGroundEventId?: string }> {
  if (!answersReadable(application)) throw new TransitionRefused(409, 'ANSWERS_UNREADABLE', 'お申し込みの内容を読み取れないため、承認できません。')
  const agent = agentOf(application)
  if (!agent) return {}
  const verification = await verificationOfRecord(tx, application, 'AGENT')
  if (!verification) {
    const approved = await tx.verification.findFirst({ where: { applicationId: application.id, subject: 'AGENT', status: 'APPROVED', createdAt: { gte: application.submittedAt ?? change.now } } })
    if (approved) {
      throw new TransitionRefused(409, 'METHOD_NOT_LAWFUL', '代理人の本人確認の方法は、書類の画像などを受け取った日に法令で認められていないため、承認できません。代理人の方は、ICチップの読み取りなどで、もう一度本人確認を行ってください。')
    }
    throw new TransitionRefused(409, 'AGENT_VERIFICATION_REQUIRED', '代理人の本人確認（eKYC）が完了していないため、承認できません。代理人の方の本人確認の結果をお待ちください。')
  }
  const customerVerification = await verificationOfRecord(tx, application)
  // One person verified twice is no 代理人: the documents read must name two people.
  if (samePerson(readingOf(customerVerification), readingOf(verification))) {
    throw new TransitionRefused(409, 'AGENT_IS_CUSTOMER', '利用者ご本人と代理人の本人確認書類が同じ方のものです。代理人の方ご自身の本人確認書類で本人確認を行ってください。')
  }
  const decided = await agentGroundOf(tx, application)
  if (decided) return { agentVerificationId: verification.id, agentGroundEventId: String(decided.id) }
  // The system finds 同居の親族 only on the strongest evidence: both documents read at the same
  // address and with the same 氏. Anything less (a relative with another 氏, documents that give no
  // reading) is for a reviewer to decide, with a 住民票 or a call.
  const readings = [readingOf(customerVerification), readingOf(verification)]
  const sameFamilyName = readings[0] && readings[1] && normalizeText(readings[0].familyName) === normalizeText(readings[1].familyName)
  if (groundsFor(agent.relationship).includes('COHABITING_RELATIVE') && sameFamilyName && livesAtCustomerAddress(application, { customer: customerVerification, agent: verification })) {
    const groundEventId = await appendEvent(
      tx,
      application.id,
      {
        type: 'AGENT_GROUND_DECIDED',
        actorType: 'SYSTEM',
        actorId: null,
        fromStatus: null,
        toStatus: null,
        data: { ground: 'COHABITING_RELATIVE', customerVerificationId: customerVerification?.id, agentVerificationId: verification.id },
      },
      change.now,
    )
    return { agentVerificationId: verification.id, agentGroundEventId: String(groundEventId) }
  }
  throw new TransitionRefused(
    409,
    'AGENT_GROUND_REQUIRED',
    '代理人が利用者のために手続きを行っていることの確認（施行規則12条5項：法定代理人であることを示す書類、委任状、利用者への電話など）が済んでいないため、承認できません。',
  )
}

const samePerson = (a: DocumentReading | null, b: DocumentReading | null) => a !== null && b !== null && isSamePerson(a, b)

/** First time: an approved verification of this submission, by a method lawful when its data arrived. */
async function checkVerificationOfRecord(tx: TransactionClient, application: Application, change: StatusChange): Promise<string> {
  const { verificationId } = change.evidence ?? {}
  const named = verificationId ? await tx.verification.findUnique({ where: { id: verificationId } }) : null
  const record = verificationId
    ? named && named.applicationId === application.id && named.subject === 'CUSTOMER' && application.submittedAt && named.createdAt >= application.submittedAt && isLawfulVerification(named)
      ? named
      : null
    : await verificationOfRecord(tx, application)
  if (record) return record.id
  const ofThisSubmission = named?.subject === 'CUSTOMER' && application.submittedAt && named.createdAt >= application.submittedAt
  if (named?.status === 'APPROVED' && ofThisSubmission) {
    throw new TransitionRefused(409, 'METHOD_NOT_LAWFUL', 'この本人確認の方法は、書類の画像などを受け取った日に法令で認められていないため、承認できません。ICチップの読み取りなどで、もう一度本人確認を行ってください。')
  }
  throw new TransitionRefused(
    409,
    'NO_VERIFICATION',
    'このお申し込みには、法令に基づく本人確認（eKYC）の結果がないため承認できません。当社の外で法令に基づく確認を行った場合は、その確認を記録してから承認してください。',
  )
}

/** 犯収法4条3項: the owner of the verified account confirmed, and what they rely on still holds. */
async function checkOwnerConfirmation(tx: TransactionClient, application: Application, change: StatusChange) {
  const id = change.evidence?.confirmationId
  const confirmation = id && change.actor.type === 'OWNER' ? await tx.ownerConfirmation.findUnique({ where: { id } }) : null
  // Of this submission: a confirmation asked for before a correction confirms nothing now.
  const current = confirmation && application.submittedAt && confirmation.createdAt >= application.submittedAt
  if (!confirmation || !current || confirmation.applicationId !== application.id || confirmation.decision !== 'CONFIRMED') {
    throw new TransitionRefused(409, 'OWNER_CONFIRMATION_REQUIRED', '取引時確認済みのアカウントの所有者による確認がないため、承認できません。')
  }
  const held = await rootOf(tx, confirmation)
  if (!held) throw new TransitionRefused(409, 'NO_VERIFIED_ROOT', '紐付け先のAccount SIDの取引時確認を確認できないため、承認できません。')
  if ((await highRiskOf(tx, held.root)).length > 0 || (await highRiskOf(tx, application)).length > 0) {
    throw new TransitionRefused(409, 'HIGH_RISK', '追加の確認が必要なお客様のため、取引時確認済みのAccount SIDとの紐付けはできません。初めての方の手続きでお申し込みください。')
  }
}

/** 高リスク取引: only the 統括管理者 approves, with a reason, once the documents asked for are in. */
async function checkComplianceApproval(tx: TransactionClient, application: Application, change: StatusChange, grounds: HighRiskGround[]) {
  if (change.actor.type !== 'STAFF' || change.actor.role !== 'COMPLIANCE') {
    throw new TransitionRefused(403, 'COMPLIANCE_REQUIRED', `追加確認中のお申し込み（${grounds.map((g) => HIGH_RISK_GROUND_LABELS[g]).join('、') || '高リスク取引'}）は、統括管理者（compliance の権限）のみが承認できます。`)
  }
  if (!change.evidence?.reason) throw new TransitionRefused(400, 'REASON_REQUIRED', '承認の理由を入力してください。', { reason: '承認の理由を入力してください' })
  const missing = await missingReviewDocuments(tx, application)
  if (missing.length > 0) {
    throw new TransitionRefused(409, 'DOCUMENTS_MISSING', `追加の書類（${missing.map((kind) => REVIEW_DOCUMENT_LABELS[kind]).join('、')}）がまだ提出されていないため、承認できません。`)
  }
}

async function recordRefusal(prisma: Prisma, change: StatusChange, refusal: TransitionRefused) {
  const current = await prisma.application.findUnique({ where: { id: change.applicationId }, select: { status: true } })
  if (!current) return
  await appendEvent(
    prisma,
    change.applicationId,
    {
      type: 'TRANSITION_REFUSED',
      actorType: change.actor.type,
      actorId: change.actor.id,
      fromStatus: current.status,
      toStatus: null,
      data: { wanted: change.to, code: refusal.rule, message: refusal.message, event: change.event.type, ...pick(change.event.data, ['eventId', 'verificationId', 'decision', 'confirmationId']) },
    },
    change.now,
  )
}

const pick = (data: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((key) => data[key] !== undefined).map((key) => [key, data[key]]))
