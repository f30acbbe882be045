import type { ApplicantApplication, ApplicationSummary } from '@kakunin/schema/application'
import type { ResumePoint } from '@kakunin/schema/form/steps'
import type pg from 'pg'
import type { ApplicationRow } from './application-row.ts'
import { answersOf, draftsOf } from './approval-evidence.ts'
import { applicantExtras } from './applicant-extras.ts'

export function toSummary(application: ApplicationRow): ApplicationSummary {
  return {
    id: application.id,
    reference: application.reference,
    flow: application.flow,
    status: application.status,
    version: application.version,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  }
}

/**
 * The applicant's own view, from a row read by Prisma or by the hot path's SQL (the same type):
 * the answers parsed with the shared schema (`answers`: already parsed from this very row, as
 * submit has); the response schema strips anything undeclared.
 */
export async function toApplicantView(pool: pg.Pool, application: ApplicationRow, answers = answersOf(application)): Promise<ApplicantApplication> {
  return {
    ...toSummary(application),
    answers,
    drafts: draftsOf(application),
    resumeAt: application.resumeAt as ResumePoint | null,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    ...(await applicantExtras(pool, { ...application, answers })),
  }
}
