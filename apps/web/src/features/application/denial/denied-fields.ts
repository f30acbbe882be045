import type { ApplicantApplication } from '@kakunin/schema/application'
import type { StepId } from '@kakunin/schema/form/steps'

/**
 * The fields of one step that did not match the ID (`user.familyName` → `familyName`), when the
 * application is DENIED; empty otherwise.
 */
export function deniedFieldsOf(application: Pick<ApplicantApplication, 'status' | 'denial'>, step: StepId): string[] {
  if (application.status !== 'DENIED' || !application.denial) return []
  const prefix = `${step}.`
  return application.denial.fields.filter((field) => field.startsWith(prefix)).map((field) => field.slice(prefix.length))
}
