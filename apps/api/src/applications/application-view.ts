import type { ApplicantApplication, ApplicationSummary } from '@kakunin/schema/application'
import type { ResumePoint } from '@kakunin/schema/form/steps'
import type pg from 'pg'
import type { Application } from '../generated/prisma/client.ts'
import { answersOf } from '../state/approval-evidence.ts'
import { applicantExtras } from './applicant-extras.ts'

export function toSummary(application: Application): ApplicationSummary {
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

/** The applicant's own view: the response schema strips anything it does not declare. */
export async function toApplicantView(pool: pg.Pool, application: Application): Promise<ApplicantApplication> {
  const answers = answersOf(application)
  return {
    ...toSummary(application),
    answers,
    resumeAt: application.resumeAt as ResumePoint | null,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    ...(await applicantExtras(pool, { ...application, answers })),
  }
}
