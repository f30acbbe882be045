import type { ApplicationStatus } from './application.ts'

export type Actor = 'APPLICANT' | 'STAFF' | 'PROVIDER' | 'SYSTEM'

/**
 * The legal moves of an application and who may make them. Anything else is refused (409) and
 * recorded; nothing moves an application backwards except the applicant's correction of a denial.
 */
const TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly Actor[]>>> = {
  DRAFT: { SUBMITTED: ['APPLICANT'] },
  SUBMITTED: { VERIFYING: ['PROVIDER'], APPROVED: ['STAFF', 'SYSTEM'], DENIED: ['STAFF', 'SYSTEM'] },
  VERIFYING: { IN_REVIEW: ['PROVIDER'], DENIED: ['PROVIDER', 'STAFF'] },
  IN_REVIEW: { APPROVED: ['PROVIDER', 'STAFF'], DENIED: ['PROVIDER', 'STAFF'] },
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
