import type { ApplicationStatus } from './application.ts'

/**
 * Who moves an application. OWNER is the customer behind an already-verified Account SID,
 * confirming (or declining) through the link emailed to them that a new SID is theirs (犯収法4条3項).
 */
export const ACTORS = ['APPLICANT', 'STAFF', 'PROVIDER', 'OWNER', 'SYSTEM'] as const
export type Actor = (typeof ACTORS)[number]

/**
 * The legal moves of an application and who may make them. Anything else is refused (409) and
 * recorded; nothing moves an application backwards except the applicant's correction of a denial.
 * These are only the moves: whether APPROVED is lawful (a verification of record, an owner's
 * confirmation, a 統括管理者's approval of a high-risk case) is checked by the API's transition
 * module, which is the only code that changes a status.
 */
const TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly Actor[]>>> = {
  DRAFT: { SUBMITTED: ['APPLICANT'] },
  // A first-time application waits for its eKYC here; an already-verified one for its owner.
  SUBMITTED: {
    VERIFYING: ['PROVIDER'],
    APPROVED: ['STAFF', 'OWNER'],
    ENHANCED_REVIEW: ['STAFF'],
    DENIED: ['STAFF', 'OWNER', 'SYSTEM'],
  },
  VERIFYING: { IN_REVIEW: ['PROVIDER'], APPROVED: ['STAFF'], ENHANCED_REVIEW: ['STAFF'], DENIED: ['PROVIDER', 'STAFF'] },
  // SYSTEM denies a provider's approval the law does not accept (ホ data received too late), so the
  // applicant can verify again rather than wait for good.
  IN_REVIEW: { APPROVED: ['PROVIDER', 'STAFF'], ENHANCED_REVIEW: ['PROVIDER', 'STAFF'], DENIED: ['PROVIDER', 'STAFF', 'SYSTEM'] },
  ENHANCED_REVIEW: { APPROVED: ['STAFF'], DENIED: ['STAFF'] },
  APPROVED: {},
  // 否認: the applicant corrects the form to match the ID and submits again.
  DENIED: { SUBMITTED: ['APPLICANT'] },
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus, actor: Actor): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false
}

/** Statuses in which the applicant may still change the answers: a draft, or a denial to correct. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['DRAFT', 'DENIED']

/** Statuses from which the applicant may submit the form. */
export const SUBMITTABLE_STATUSES: readonly ApplicationStatus[] = (['DRAFT', 'DENIED'] as const).filter((from) =>
  canTransition(from, 'SUBMITTED', 'APPLICANT'),
)

/** Statuses in which the applicant may (re)open an eKYC session (a QR code). */
export const VERIFIABLE_STATUSES: readonly ApplicationStatus[] = ['SUBMITTED', 'VERIFYING']

/**
 * With a 代理人, each person has a session: one may be done (the application IN_REVIEW) while the
 * other's is still to be opened. Whether that person's session is done is the API's check.
 */
export const AGENT_VERIFIABLE_STATUSES: readonly ApplicationStatus[] = [...VERIFIABLE_STATUSES, 'IN_REVIEW']

/** Statuses in which an application holds its Account SID: no other application may claim it. */
export const SID_HOLDING_STATUSES: readonly ApplicationStatus[] = ['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'ENHANCED_REVIEW', 'APPROVED']

/** Statuses whose applicant can still act (fill in, verify, upload, correct): resume links work for them. */
export const RESUMABLE_STATUSES: readonly ApplicationStatus[] = ['DRAFT', 'SUBMITTED', 'VERIFYING', 'ENHANCED_REVIEW', 'DENIED']

