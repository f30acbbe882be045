import { formatAddress } from '@kakunin/schema/address'
import { AGENT_EVIDENCE_LABELS, AGENT_GROUND_LABELS } from '@kakunin/schema/agent-ground'
import type { ApplicationStatus } from '@kakunin/schema/application'
import { formatBirthDate } from '@kakunin/schema/birth-date'
import type { EventData, EventType } from '@kakunin/schema/events'
import type { Actor } from '@kakunin/schema/status-machine'
import { RELATIONSHIP_LABELS } from '@kakunin/schema/form/agent-step'
import { OCCUPATION_LABELS, PEP_STATUS_LABELS, TRADE_NAME_KIND_LABELS } from '@kakunin/schema/form/extra-step'
import { PURPOSE_LABELS } from '@kakunin/schema/form/purpose-step'
import { fullName, fullNameKana } from '@kakunin/schema/form/person'
import { HIGH_RISK_GROUND_LABELS, REVIEW_DOCUMENT_LABELS, type HighRiskGround } from '@kakunin/schema/high-risk'
import { japanInstant } from '@kakunin/schema/japan-time'
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '@kakunin/schema/sandbox-ekyc'
import { documentReading, type VerificationSubject } from '@kakunin/schema/verification'
import { isMethodAvailable, isVerificationMethod, VERIFICATION_METHOD_LABELS } from '@kakunin/schema/verification-method'
import {
  METHOD_ARTICLES,
  RECORD_VERSION,
  RULE_VERSION_LABELS,
  ruleVersionOn,
  type JapanTime,
  type RecordPerson,
  type RecordVerification,
  type VerificationRecord,
} from '@kakunin/schema/verification-record'
import type { Prisma } from '#src/db/prisma-plugin.ts'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import type { ApplicationRecord } from './read-application.ts'

/** For a link (2回目以降): what it relies on, read by linkRecordOf. */
export interface LinkBasis {
  reliedOnReference: string
  rootReference: string
  root: { provider: string; method: string | null; receivedAt: string } | null
  confirmationSentTo: string
  confirmedAt: string | null
}

type LoadedVerification = ApplicationRecord['verifications'][number]
type LoadedEvent = ApplicationRecord['events'][number]

export const SANDBOX_NOTE = '開発用のサンドボックス（模擬eKYC）による確認です。犯罪収益移転防止法に基づく本人確認ではありません。'
export const MY_NUMBER_NOTE = '個人番号は取得していない（マイナンバーカードの個人番号は記録しない）'
const RECORDED_BY_SYSTEM = 'kakunin（承認の処理により自動作成）'
const TRANSACTION_KIND = '電気通信役務（Twilio）の利用契約'

const at = (iso: string): JapanTime => japanInstant(iso)
const atOrNull = (iso: string | null | undefined): JapanTime | null => (iso ? japanInstant(iso) : null)
const person = (value: { name: string; department?: string | null } | undefined | null): RecordPerson | null =>
  value ? { name: value.name, department: value.department ?? null } : null

/** When the provider received the images, IC data or certificate: what the method's lawfulness is judged by. */
const receivedAtOf = (v: Pick<LoadedVerification, 'submittedAt' | 'startedAt' | 'decidedAt' | 'createdAt'>) => v.submittedAt ?? v.startedAt ?? v.decidedAt ?? v.createdAt

/** The method as the record states it: label and code, where it is in the law, and the rule in force that day. */
function methodOf(method: string | null, receivedAt: string) {
  if (!isVerificationMethod(method)) return null
  const day = new Date(receivedAt)
  const version = ruleVersionOn(day)
  return {
    code: method,
    label: VERIFICATION_METHOD_LABELS[method],
    article: METHOD_ARTICLES[method],
    ruleVersion: { code: version, label: RULE_VERSION_LABELS[version] },
    lawfulThatDay: isMethodAvailable(method, day),
  }
}

interface StoredResult {
  read?: unknown
  external?: { documentName?: string; documentNumber?: string; verifiedOn?: string; verifiedBy?: string; recordedBy?: string }
}

/** One person's verification as the record states it (the vendor's reading, the document, the method). */
export function recordVerificationOf(v: LoadedVerification): RecordVerification {
  const result = (v.result ?? {}) as StoredResult
  const parsed = documentReading.safeParse(result.read)
  const read = parsed.success ? parsed.data : null
  const external = result.external ?? null
  const receivedAt = receivedAtOf(v)
  const type = v.documentType
  const myNumberCard = type === 'my_number_card'
  const document = external
    ? { type: null, name: external.documentName ?? '', number: external.documentNumber ?? null, numberNote: null, expiresOn: null, issuer: null }
    : type
      ? {
          type,
          name: DOCUMENT_TYPE_LABELS[type as DocumentType] ?? type,
          // Never a 個人番号 (番号法): a マイナンバーカード's record says its number was not taken.
          number: myNumberCard ? null : (read?.documentNumber || null),
          numberNote: myNumberCard ? MY_NUMBER_NOTE : null,
          expiresOn: read?.expiresOn || null,
          issuer: read?.issuer || null,
        }
      : null
  return {
    subject: v.subject,
    verificationId: v.id,
    status: v.status,
    provider: v.provider,
    providerReference: v.providerReference,
    lawful: v.provider !== 'sandbox',
    note: v.provider === 'sandbox' ? SANDBOX_NOTE : null,
    receivedAt: at(receivedAt),
    decidedAt: atOrNull(v.decidedAt),
    method: methodOf(v.method, receivedAt),
    document,
    read: read ? { name: `${read.familyName} ${read.givenName}`, birthDate: formatBirthDate(read.birthDate), address: read.address } : null,
    external: external ? { verifiedOn: external.verifiedOn ?? '', verifiedBy: external.verifiedBy ?? '', recordedBy: external.recordedBy ?? '' } : null,
  }
}

/**
 * A person's verification of record: the one the approval names; else the approved one of the
 * current submission (opened after it); else the latest decided one.
 */
function verificationFor(record: ApplicationRecord, subject: VerificationSubject, named: string | undefined) {
  const mine = record.verifications.filter((v) => v.subject === subject)
  const byName = named ? mine.find((v) => v.id === named) : undefined
  if (byName) return byName
  const latestFirst = [...mine].sort((a, b) => (b.decidedAt ?? b.createdAt).localeCompare(a.decidedAt ?? a.createdAt))
  const { submittedAt } = record
  const current = submittedAt ? latestFirst.find((v) => v.status === 'APPROVED' && v.createdAt >= submittedAt) : undefined
  return current ?? latestFirst.find((v) => v.decidedAt) ?? null
}

/** A stored event typed by the catalogue. */
interface TypedEvent<T extends EventType> {
  id: string
  type: T
  actorType: Actor
  actorId: string | null
  fromStatus: ApplicationStatus | null
  toStatus: ApplicationStatus | null
  createdAt: string
  data: EventData<T>
}

const lastOf = <T extends EventType>(events: LoadedEvent[], type: T, where: (e: TypedEvent<T>) => boolean = () => true) =>
  ([...events] as unknown as TypedEvent<EventType>[]).reverse().find((e): e is TypedEvent<T> => e.type === type && where(e as TypedEvent<T>))

interface DecidedData {
  verificationId?: string
  agentVerificationId?: string
  agentGroundEventId?: string
  person?: { name: string; department: string }
  keyName?: string
  reason?: string | null
  highRiskGrounds?: HighRiskGround[]
}

/** The agent block: 本人特定事項 as declared, the relation, their verification, the ground and its evidence. */
function agentOf(record: ApplicationRecord, approving: DecidedData | undefined): VerificationRecord['agent'] {
  const declared = record.answers.agent?.hasAgent === 'YES' ? record.answers.agent.agent : null
  if (!declared) return null
  const verification = verificationFor(record, 'AGENT', approving?.agentVerificationId)
  // The ground the approval rests on (its DECIDED event names it); before that, the latest of this
  // submission: an earlier submission's ground and documents belong to the history, not to this record.
  const { submittedAt } = record
  const ofSubmission = (createdAt: string) => submittedAt !== null && createdAt >= submittedAt
  const decided = approving?.agentGroundEventId
    ? lastOf(record.events, 'AGENT_GROUND_DECIDED', (e) => String(e.id) === approving.agentGroundEventId)
    : lastOf(record.events, 'AGENT_GROUND_DECIDED', (e) => ofSubmission(e.createdAt))
  const ground = decided
    ? {
        code: decided.data.ground,
        label: AGENT_GROUND_LABELS[decided.data.ground],
        decidedAt: at(decided.createdAt),
        decidedBy: decided.actorType === 'STAFF' ? person(decided.data.person ?? { name: decided.data.keyName ?? decided.actorId ?? '', department: null }) : null,
        document: decided.data.documentId ? { documentId: decided.data.documentId, sha256: decided.data.sha256 ?? null } : null,
        call: decided.data.phoneNumber ? { phoneNumber: decided.data.phoneNumber, numberSource: decided.data.numberSource ?? null, calledAt: atOrNull(decided.data.calledAt) } : null,
        note: decided.data.note || null,
      }
    : null
  return {
    name: fullName(declared),
    nameKana: fullNameKana(declared),
    birthDate: formatBirthDate(declared.birthDate),
    address: formatAddress(declared.address),
    relationship: {
      code: declared.relationship,
      label: declared.relationship === 'OTHER' ? `${RELATIONSHIP_LABELS.OTHER}（${declared.relationshipOther}）` : RELATIONSHIP_LABELS[declared.relationship],
    },
    verification: verification ? recordVerificationOf(verification) : null,
    ground,
    evidence: record.agentEvidence.filter((d) => ofSubmission(d.createdAt)).map((d) => ({ documentId: d.id, code: d.kind, label: AGENT_EVIDENCE_LABELS[d.kind], type: d.type, bytes: d.bytes, sha256: d.sha256, at: at(d.createdAt) })),
  }
}

/**
 * The 確認記録 of one application: the items of 犯収法施行規則20条1項 that apply to a
 * non-face-to-face verification of an individual, in the order of its 号 (see
 * RECORD_ITEM_LABELS in packages/schema/src/verification-record.ts).
 */
export function verificationRecord(record: ApplicationRecord, link: LinkBasis | null = null): VerificationRecord {
  const { answers } = record
  const decision = lastOf(record.events, 'DECIDED')
  const approvingEvent = lastOf(record.events, 'DECIDED', (e) => e.toStatus === 'APPROVED')
  const approving = approvingEvent?.data as DecidedData | undefined
  const enhanced = lastOf(record.events, 'DECIDED', (e) => e.toStatus === 'ENHANCED_REVIEW')
  const grounds = (enhanced?.data as DecidedData | undefined)?.highRiskGrounds ?? []
  const customerVerification = record.flow === 'LINK_VERIFIED' ? null : verificationFor(record, 'CUSTOMER', approving?.verificationId)
  const decisionData = decision?.data as DecidedData | undefined
  // A staff decision names the person who made it (1号: 取引時確認を行った者); a verification
  // recorded by staff names who did it.
  const decidingStaff = decision?.actorType === 'STAFF' ? person(decisionData?.person) : null
  const external = customerVerification ? recordVerificationOf(customerVerification).external : null
  const approvedByStaff = approvingEvent?.actorType === 'STAFF' ? person(approving?.person ?? { name: approving?.keyName ?? approvingEvent.actorId ?? '', department: null }) : null
  const extra = answers.extra
  // Approved after it went to enhanced review: by the 統括管理者, with a reason.
  const enhancedApproval = approvingEvent && enhanced && BigInt(approvingEvent.id) > BigInt(enhanced.id)
  return {
    recordVersion: RECORD_VERSION,
    reference: record.reference,
    flow: record.flow,
    status: record.status,
    verifiedBy: decision
      ? {
          actorType: decision.actorType,
          vendor: customerVerification && customerVerification.provider !== 'external' ? { provider: customerVerification.provider, providerReference: customerVerification.providerReference } : null,
          person: decidingStaff ?? (external ? { name: external.verifiedBy, department: null } : null),
          at: at(decision.createdAt),
        }
      : null,
    recordedBy: { system: RECORDED_BY_SYSTEM, person: approvedByStaff },
    customerVerification: customerVerification ? recordVerificationOf(customerVerification) : null,
    transaction: { kind: TRANSACTION_KIND, date: atOrNull(record.submittedAt) },
    customer: answers.user
      ? { name: fullName(answers.user), nameKana: fullNameKana(answers.user), birthDate: formatBirthDate(answers.user.birthDate), address: formatAddress(answers.user.address) }
      : null,
    agent: agentOf(record, approving),
    purposes: answers.purpose?.purposes.map((p) => (p === 'OTHER' ? `その他（${answers.purpose?.purposeOther}）` : PURPOSE_LABELS[p])) ?? [],
    highValueTransactions: answers.purpose?.highValueTransactions ?? null,
    occupation: extra ? (extra.occupation === 'OTHER' ? extra.occupationOther : OCCUPATION_LABELS[extra.occupation]) : null,
    alias: extra?.tradeName
      ? { name: extra.tradeName, kind: extra.tradeNameKind ? { code: extra.tradeNameKind, label: TRADE_NAME_KIND_LABELS[extra.tradeNameKind] } : null, reason: extra.aliasReason || null }
      : null,
    accountSid: answers.login?.accountSid ?? null,
    verifiedAccountSid: (answers.login && 'verifiedAccountSid' in answers.login ? answers.login.verifiedAccountSid : null) ?? null,
    foreignPep: extra ? { code: extra.foreignPep, label: PEP_STATUS_LABELS[extra.foreignPep] } : null,
    // 犯収法4条2項: why the customer is high-risk, and the measures taken.
    highRisk:
      grounds.length > 0
        ? {
            grounds: grounds.map((g) => ({ code: g, label: HIGH_RISK_GROUND_LABELS[g] })),
            documents: record.reviewDocuments.map((d) => ({ documentId: d.id, code: d.kind, label: REVIEW_DOCUMENT_LABELS[d.kind], type: d.type, sha256: d.sha256, at: at(d.createdAt) })),
            approvedBy: enhancedApproval ? approvedByStaff : null,
            approvedAt: enhancedApproval ? at(approvingEvent.createdAt) : null,
            reason: enhancedApproval ? (approving?.reason ?? null) : null,
          }
        : null,
    // 犯収法4条3項: the record relied on, its root verification, and the owner's confirmation.
    linkBasis: link
      ? {
          reliedOnReference: link.reliedOnReference,
          rootReference: link.rootReference,
          rootVerification: link.root
            ? {
                provider: link.root.provider,
                method: methodOf(link.root.method, link.root.receivedAt),
                receivedAt: at(link.root.receivedAt),
                lawful: link.root.provider !== 'sandbox',
                note: link.root.provider === 'sandbox' ? SANDBOX_NOTE : null,
              }
            : null,
          ownerConfirmation: { sentTo: link.confirmationSentTo, confirmedAt: atOrNull(link.confirmedAt) },
        }
      : null,
  }
}

/** The history of changes and the emails, as they stand now (they keep growing, so are never frozen). */
export function recordHistory(record: ApplicationRecord) {
  return {
    history: (record.events as unknown as TypedEvent<EventType>[]).map((e) => ({ at: at(e.createdAt), type: e.type, actor: `${e.actorType}${e.actorId ? `:${e.actorId}` : ''}`, from: e.fromStatus, to: e.toStatus })),
    emails: record.emails.map((e) => ({ at: at(e.createdAt), template: e.template, to: e.to, status: e.status as 'PENDING' | 'SENT' | 'FAILED', sentAt: atOrNull(e.sentAt) })),
  }
}

/** The 確認記録 of a loaded application as it stands, with the link basis when it is a 2回目以降 one. */
export async function recordOf(prisma: Prisma | TransactionClient, loaded: ApplicationRecord) {
  return verificationRecord(loaded, loaded.flow === 'LINK_VERIFIED' ? await linkRecordOf(prisma, loaded.id) : null)
}

/** The link basis of an approved (or pending) 2回目以降 application: its latest owner confirmation and root. */
export async function linkRecordOf(prisma: Prisma | TransactionClient, applicationId: string): Promise<LinkBasis | null> {
  const confirmation = await prisma.ownerConfirmation.findFirst({ where: { applicationId }, orderBy: { createdAt: 'desc' }, include: { reliedOn: { select: { reference: true } } } })
  if (!confirmation) return null
  const root = await prisma.application.findUnique({ where: { id: confirmation.rootApplicationId }, select: { reference: true } })
  const verification = await prisma.verification.findUnique({ where: { id: confirmation.rootVerificationId } })
  return {
    reliedOnReference: confirmation.reliedOn.reference,
    rootReference: root?.reference ?? '',
    root: verification
      ? { provider: verification.provider, method: verification.method, receivedAt: (verification.submittedAt ?? verification.startedAt ?? verification.decidedAt ?? verification.createdAt).toISOString() }
      : null,
    confirmationSentTo: confirmation.sentTo,
    confirmedAt: confirmation.decision === 'CONFIRMED' ? (confirmation.decidedAt?.toISOString() ?? null) : null,
  }
}
