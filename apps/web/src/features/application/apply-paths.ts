import type { ApplicantApplication } from '@kakunin/schema/application'
import { STEPS_BY_FLOW, type ResumePoint, type StepId } from '@kakunin/schema/form/steps'

export const CONFIRM_PATH = '/apply/confirm'
export const SUBMITTED_PATH = '/apply/submitted'

export const stepPath = (step: StepId) => `/apply/${step}`

/** Where a step of the confirmation screen's 変更 links lead: the step, then straight back. */
export const changePath = (step: StepId) => `${stepPath(step)}?from=confirm`

export const pathOf = (point: ResumePoint) => (point === 'confirm' ? CONFIRM_PATH : stepPath(point))

export const stepsOf = (application: Pick<ApplicantApplication, 'flow'>): readonly StepId[] => STEPS_BY_FLOW[application.flow]

/** Where this application continues: the saved resume point, the first step of a fresh one. */
export function resumePath(application: ApplicantApplication): string {
  if (application.status !== 'DRAFT') return SUBMITTED_PATH
  return pathOf(application.resumeAt ?? stepsOf(application)[0] ?? 'confirm')
}
