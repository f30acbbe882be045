import { STEP_IDS, STEP_TITLES, type StepId } from '@kakunin/schema/form/steps'
import type { SummaryError } from '#src/components/form/error-summary.tsx'
import type { ServerProblem } from '#src/lib/server-errors.ts'
import { changeLinkId } from './answer-group.tsx'

export const SUBMIT_BUTTON_ID = 'submit-application'

const isStep = (value: string | undefined): value is StepId => (STEP_IDS as readonly (string | undefined)[]).includes(value)

/**
 * The API checks the whole application on submit; its field paths start with the step
 * (`user.birthDate`, or `purpose` for a missing step), so each error links to that step's 変更.
 */
export function submitErrors(problem: ServerProblem | undefined): SummaryError[] {
  if (!problem || problem.conflict) return []
  const errors = Object.entries(problem.fields).map(([path, message]): SummaryError => {
    const [step, ...field] = path.split('.')
    if (!isStep(step)) return { fieldId: SUBMIT_BUTTON_ID, message }
    // A missing step's message names the step already; a field's needs the step to be found.
    return { fieldId: changeLinkId(step), message: field.length > 0 ? `${STEP_TITLES[step]}：${message}` : message }
  })
  return problem.message ? [...errors, { fieldId: SUBMIT_BUTTON_ID, message: problem.message }] : errors
}
