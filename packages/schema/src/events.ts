import { AGENT_EVIDENCE_KINDS, AGENT_GROUNDS } from './agent-ground.ts'
import { APPLICATION_FLOWS } from './application-flow.ts'
import { APPLICATION_STATUSES } from './application.ts'
import { HIGH_RISK_GROUNDS, REVIEW_DOCUMENT_KINDS } from './high-risk.ts'
import { ACTORS } from './status-machine.ts'
import { VERIFICATION_SUBJECTS } from './verification.ts'
import { STEP_IDS } from './form/steps.ts'
import { z } from './zod.ts'

// The catalogue of application events: every type an `application_events` row may have, with its
// data. Each insert is validated against it (the API's event log refuses anything else), and the
// staff API returns events parsed by it. Objects are loose so that rows written before a field
// was added stay readable; what a type requires, every row of that type has.

const id = z.string().check(z.minLength(1))
const denial = z.object({ fields: z.array(z.string()), hints: z.array(z.string()) })
/** The person acting with a staff key (氏名, 所属部署): what the 確認記録 names as who verified. */
const staffPersonData = z.object({ name: z.string(), department: z.string() })
const staffKeyData = { keyName: z.string(), role: z.optional(z.string()), person: z.optional(staffPersonData) }

const DATA = {
  CREATED: z.looseObject({ flow: z.enum(APPLICATION_FLOWS) }),
  ANSWERS_SAVED: z.looseObject({ step: z.enum(STEP_IDS), values: z.unknown() }),
  /** Exactly what was submitted (to SUBMITTED). */
  SUBMITTED: z.looseObject({ answers: z.unknown() }),
  /** Rows from before 代理人 sessions have no subject: they are the customer's. */
  VERIFICATION_REQUESTED: z.looseObject({ verificationId: id, provider: id, providerReference: id, expiresAt: z.unknown(), subject: z.optional(z.enum(VERIFICATION_SUBJECTS)) }),
  /** The phone opened the provider's flow (to VERIFYING). */
  VERIFICATION_STARTED: z.looseObject({ eventId: id, verificationId: id }),
  /** The provider received the images or IC data (to IN_REVIEW). */
  VERIFICATION_SUBMITTED: z.looseObject({ eventId: id, verificationId: id }),
  /**
   * A verdict: to APPROVED, ENHANCED_REVIEW or DENIED. By the provider (its event and verdict),
   * staff (decision, key, notes), the owner of a verified account (the confirmation), or the
   * system (an owner's confirmation that expired). `denial` is what the applicant corrects.
   */
  DECIDED: z.looseObject({
    eventId: z.optional(z.string()),
    verificationId: z.optional(z.string()),
    verdict: z.optional(z.enum(['APPROVED', 'DENIED'])),
    reasons: z.optional(z.array(z.string())),
    decision: z.optional(z.enum(['APPROVE', 'DENY'])),
    keyName: z.optional(z.string()),
    person: z.optional(staffPersonData),
    reason: z.optional(z.nullable(z.string())),
    internalNote: z.optional(z.nullable(z.string())),
    reasonCodes: z.optional(z.array(z.string())),
    noteToApplicant: z.optional(z.string()),
    denial: z.optional(denial),
    /** Why a provider's or reviewer's approval went to enhanced review instead (犯収法4条2項). */
    highRiskGrounds: z.optional(z.array(z.enum(HIGH_RISK_GROUNDS))),
    /** 犯収法4条3項: the application relied on, the root of its chain, and the owner's confirmation. */
    basis: z.optional(z.string()),
    reliedOnApplicationId: z.optional(z.string()),
    reliedOnReference: z.optional(z.string()),
    verifiedAccountSid: z.optional(z.string()),
    rootApplicationId: z.optional(z.string()),
    rootVerificationId: z.optional(z.string()),
    confirmationId: z.optional(z.string()),
    /** 犯収法4条4項: an approval with a 代理人 names the agent's verification and the ground (its AGENT_GROUND_DECIDED event). */
    agentVerificationId: z.optional(z.string()),
    agentGroundEventId: z.optional(z.string()),
  }),
  /**
   * A provider approved one person's verification while the application still waits for the
   * other's (customer or 代理人) or for the agent's ground: the status stays, the verdict is kept.
   */
  VERIFICATION_APPROVED: z.looseObject({ eventId: id, verificationId: id, subject: z.enum(VERIFICATION_SUBJECTS), waitingFor: z.string() }),
  /** A move the rules refused, by a provider or staff: nothing changed but this record. */
  TRANSITION_REFUSED: z.looseObject({ wanted: z.enum(APPLICATION_STATUSES), code: z.string(), message: z.string() }),
  /** Written before TRANSITION_REFUSED existed, for provider events in the wrong state. */
  PROVIDER_EVENT_REFUSED: z.looseObject({ eventId: z.string(), kind: z.string(), wanted: z.enum(APPLICATION_STATUSES) }),
  RESUMED_FROM_LINK: z.looseObject({}),
  DRAFT_LINK_SENT: z.looseObject({ to: z.string(), expiresAt: z.unknown() }),
  RESUME_LINK_RENEWED: z.looseObject({ to: z.string(), expiresAt: z.unknown() }),
  INQUIRY_RECEIVED: z.looseObject({ inquiryId: id, reference: z.string() }),
  PII_VIEWED: z.looseObject(staffKeyData),
  PII_EXPORTED: z.looseObject(staffKeyData),
  /** 2回目以降: the confirmation emailed to the owner of the verified account. */
  OWNER_CONFIRMATION_REQUESTED: z.looseObject({
    confirmationId: id,
    reliedOnApplicationId: id,
    reliedOnReference: z.string(),
    rootApplicationId: id,
    rootVerificationId: id,
    sentTo: z.string(),
    expiresAt: z.unknown(),
  }),
  /** A lawful verification done outside kakunin, recorded by staff as the verification of record. */
  EXTERNAL_VERIFICATION_RECORDED: z.looseObject({ verificationId: id, method: z.string(), documentName: z.string(), verifiedOn: z.string(), verifiedBy: z.string(), ...staffKeyData }),
  /** Staff suspect なりすまし or 偽り: the application becomes high-risk (犯収法施行令12条1項). */
  SUSPICION_FLAGGED: z.looseObject({ reason: z.string(), ...staffKeyData }),
  /** A 付記 added to the frozen 確認記録 (its text is in the note, not repeated here). */
  RECORD_NOTE_ADDED: z.looseObject({ recordId: id, noteId: id, ...staffKeyData }),
  /** A document for enhanced review, uploaded by the applicant (its fingerprint; the bytes are stored apart). */
  REVIEW_DOCUMENT_UPLOADED: z.looseObject({ documentId: id, kind: z.enum(REVIEW_DOCUMENT_KINDS), type: z.string(), bytes: z.number(), sha256: z.string() }),
  /** 代理人: the applicant uploaded evidence of why the agent acts (its fingerprint; the bytes are stored apart). */
  AGENT_EVIDENCE_UPLOADED: z.looseObject({ documentId: id, kind: z.enum(AGENT_EVIDENCE_KINDS), type: z.string(), bytes: z.number(), sha256: z.string() }),
  /**
   * 施行規則12条5項: why the 代理人 acts for the customer, decided by a named staff person (the
   * document read, or the call made) or by the system (a relative at the customer's verified address).
   */
  AGENT_GROUND_DECIDED: z.looseObject({
    ground: z.enum(AGENT_GROUNDS),
    documentId: z.optional(z.string()),
    sha256: z.optional(z.string()),
    phoneNumber: z.optional(z.string()),
    numberSource: z.optional(z.string()),
    calledAt: z.optional(z.string()),
    note: z.optional(z.string()),
    customerVerificationId: z.optional(z.string()),
    agentVerificationId: z.optional(z.string()),
    keyName: z.optional(z.string()),
    role: z.optional(z.string()),
    person: z.optional(staffPersonData),
  }),
} as const

export type EventType = keyof typeof DATA
export const EVENT_TYPES = Object.keys(DATA) as EventType[]
export type EventData<T extends EventType> = z.infer<(typeof DATA)[T]>

/** Event types that change the application's status, so only the transition module writes them. */
export const STATUS_EVENT_TYPES = ['SUBMITTED', 'VERIFICATION_STARTED', 'VERIFICATION_SUBMITTED', 'VERIFICATION_APPROVED', 'DECIDED'] as const satisfies readonly EventType[]
export type StatusEventType = (typeof STATUS_EVENT_TYPES)[number]

const envelope = {
  actorType: z.enum(ACTORS),
  /** A staff key id, a provider's name, a confirmation id; null for the applicant and the system. */
  actorId: z.nullable(z.string()),
  fromStatus: z.nullable(z.enum(APPLICATION_STATUSES)),
  toStatus: z.nullable(z.enum(APPLICATION_STATUSES)),
}

const variant = <T extends EventType>(type: T) => z.object({ type: z.literal(type), ...envelope, data: DATA[type] })
const variants = EVENT_TYPES.map((type) => variant(type)) as unknown as [ReturnType<typeof variant<EventType>>, ...ReturnType<typeof variant<EventType>>[]]

/** The data schema of one event type: the hot paths check only their own type's data. */
export const eventDataSchema = <T extends EventType>(type: T): (typeof DATA)[T] => DATA[type]

/** One event as written: type, actor, the move (if any) and its data. */
export const applicationEventInput = z.discriminatedUnion('type', variants)

export type ApplicationEventInput = {
  [T in EventType]: { type: T; actorType: z.infer<typeof envelope.actorType>; actorId: string | null; fromStatus: z.infer<typeof envelope.fromStatus>; toStatus: z.infer<typeof envelope.toStatus>; data: EventData<T> }
}[EventType]

/** One stored event as the staff API returns it. */
export const applicationEvent = z.discriminatedUnion(
  'type',
  EVENT_TYPES.map((type) => z.object({ id: z.string(), type: z.literal(type), ...envelope, data: DATA[type], createdAt: z.iso.datetime() })) as unknown as [
    z.ZodMiniObject,
    ...z.ZodMiniObject[],
  ],
)
