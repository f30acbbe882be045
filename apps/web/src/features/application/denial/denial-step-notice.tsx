import type { ApplicantApplication } from '@kakunin/schema/application'
import type { StepId } from '@kakunin/schema/form/steps'
import { CORRECTION_ADVICE } from './correction-advice.ts'
import { DenialHints } from './denial-hints.tsx'
import { deniedFieldsOf } from './denied-fields.ts'
import { hintsForStep } from './denied-subjects.ts'
import { AGENT_STEP_NOTICE, STEP_NOTICE } from './denial-wording.ts'

/** On a step opened to correct a denial: what did not match, when it is on this step. */
export function DenialStepNotice({ application, step }: { application: ApplicantApplication; step: StepId }) {
  if (deniedFieldsOf(application, step).length === 0 || !application.denial) return null
  return (
    <div className="notice notice-error">
      <p>{step === 'agent' && application.flow === 'FIRST_TIME' ? AGENT_STEP_NOTICE : STEP_NOTICE[application.flow]}</p>
      <DenialHints hints={hintsForStep(application.denial.hints, step)} />
      {application.flow === 'FIRST_TIME' && <p>{CORRECTION_ADVICE}</p>}
    </div>
  )
}
