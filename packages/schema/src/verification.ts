import { AGENT_EVIDENCE_KINDS } from './agent-ground.ts'
import { APPLICATION_STATUSES } from './application.ts'
import { RELATIONSHIPS } from './form/agent-step.ts'
import { z } from './zod.ts'

export const VERIFICATION_STATUSES = ['PENDING', 'STARTED', 'SUBMITTED', 'APPROVED', 'DENIED', 'EXPIRED'] as const
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number]

/** Whose 本人特定事項 a session verifies: the customer's, or their 代理人's (犯収法4条4項). */
export const VERIFICATION_SUBJECTS = ['CUSTOMER', 'AGENT'] as const
export type VerificationSubject = (typeof VERIFICATION_SUBJECTS)[number]

/** A field of the application that did not match the ID, with what to do about it. */
export const mismatchView = z.object({ field: z.string(), hint: z.string() })

/** What the applicant's own page shows of a verification session. */
export const verificationView = z.object({
  id: z.uuid(),
  subject: z.enum(VERIFICATION_SUBJECTS),
  status: z.enum(VERIFICATION_STATUSES),
  /** The URL the QR code encodes, also offered as a link for someone already on a phone. */
  url: z.string(),
  /** The QR code as a PNG data URL. */
  qrCode: z.string(),
  expiresAt: z.iso.datetime(),
  mismatches: z.array(mismatchView),
})
export type VerificationView = z.infer<typeof verificationView>

/** What the applicant's page needs of a declared 代理人: their session, and the evidence of why they act. */
export const agentVerificationView = z.object({
  /** The agent's name as declared, to say whose phone the second QR code is for. */
  name: z.string(),
  relationship: z.enum(RELATIONSHIPS),
  verification: z.nullable(verificationView),
  /** The document the applicant can upload (法定代理人: a document showing it; others: a 委任状). */
  evidenceKind: z.enum(AGENT_EVIDENCE_KINDS),
  /** Whether a document is the only way (a 法定代理人); otherwise a relative at the same address needs none, and for others a call to the customer can do instead. */
  evidenceRequired: z.boolean(),
  evidence: z.array(z.object({ id: z.uuid(), kind: z.enum(AGENT_EVIDENCE_KINDS), createdAt: z.iso.datetime() })),
  /** Whether the ground has been decided (by staff, or found by the system for a relative at the same address). */
  groundDecided: z.boolean(),
})
export type AgentVerificationView = z.infer<typeof agentVerificationView>

export const currentVerificationResponse = z.object({
  applicationStatus: z.enum(APPLICATION_STATUSES),
  /** The customer's own session. */
  verification: z.nullable(verificationView),
  /** Only when a 代理人 was declared. */
  agent: z.nullable(agentVerificationView),
})
export type CurrentVerificationResponse = z.infer<typeof currentVerificationResponse>

/**
 * What the provider read from the document, kept with an approved verification for the 確認記録:
 * the 本人特定事項 as printed, and the document's 記号番号, expiry and issuer where given.
 */
export const documentReading = z.object({
  familyName: z.string(),
  givenName: z.string(),
  birthDate: z.object({ year: z.string(), month: z.string(), day: z.string() }),
  address: z.string(),
  documentNumber: z.optional(z.string()),
  expiresOn: z.optional(z.string()),
  issuer: z.optional(z.string()),
})
export type DocumentReading = z.infer<typeof documentReading>
