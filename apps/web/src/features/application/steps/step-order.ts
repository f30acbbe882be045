import type { ResumePoint, StepId } from '@kakunin/schema/form/steps'

/** The step after `step` in the flow, or the confirmation screen after the last one. */
export function nextPoint(steps: readonly StepId[], step: StepId): ResumePoint {
  return steps[steps.indexOf(step) + 1] ?? 'confirm'
}

export function previousStep(steps: readonly StepId[], step: StepId): StepId | undefined {
  const index = steps.indexOf(step)
  return index > 0 ? steps[index - 1] : undefined
}
