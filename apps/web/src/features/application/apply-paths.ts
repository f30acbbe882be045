import type { ApplicantApplication } from '@kakunin/schema/application'
import { STEPS_BY_FLOW, type ResumePoint, type StepId } from '@kakunin/schema/form/steps'

export const CONFIRM_PATH = '/apply/confirm'
export const VERIFY_PATH = '/apply/verify'
export const COMPLETE_PATH = '/apply/complete'

export const stepPath = (step: StepId) => `/apply/${step}`

/** Where a step of the confirmation screen's 変更 links lead: the step, then straight back. */
export const changePath = (step: StepId) => `${stepPath(step)}?from=confirm`

export const pathOf = (point: ResumePoint) => (point === 'confirm' ? CONFIRM_PATH : stepPath(point))

export const stepsOf = (application: Pick<ApplicantApplication, 'flow'>): readonly StepId[] => STEPS_BY_FLOW[application.flow]

/**
 * Where this application continues: a draft at its saved resume point (a fresh one at its first
 * step), a denial on the confirmation screen to correct it, a submitted one at 身元確認, and one
 * whose phone flow is done (in review, in enhanced review with documents to upload, approved) at
 * お申し込み完了. 2回目以降 has no 身元確認: once sent, it waits there for the owner's confirmation.
 */
export function resumePath(application: Pick<ApplicantApplication, 'flow' | 'status' | 'resumeAt'>): string {
  const { status } = application
  if (status === 'DRAFT') return pathOf(application.resumeAt ?? stepsOf(application)[0] ?? 'confirm')
  if (status === 'DENIED') return CONFIRM_PATH
  if (application.flow === 'LINK_VERIFIED') return COMPLETE_PATH
  return status === 'SUBMITTED' || status === 'VERIFYING' ? VERIFY_PATH : COMPLETE_PATH
}
