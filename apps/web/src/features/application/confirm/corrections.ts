import { answerAt, sameAnswer } from '@kakunin/schema/answer-path'
import type { ApplicantApplication } from '@kakunin/schema/application'
import type { DraftAnswers, StepValues } from '@kakunin/schema/form/application-form'
import type { StepId } from '@kakunin/schema/form/steps'
import { deniedFieldsOf } from '#src/features/application/denial/denied-fields.ts'
import { answerRows, isFlagged } from './answer-rows.ts'

/** Beside a flagged row whose answer has changed since the denial. */
export const CORRECTED_ROW = '修正済み：審査の後に内容を変更しました'

type Corrected = Pick<ApplicantApplication, 'status' | 'denial' | 'answers'>

/**
 * The denied fields of one step (dot paths within it) whose answer differs now from the one that
 * was denied. Without the denied values (an older denial), nothing counts as corrected.
 */
export function correctedFieldsOf(application: Corrected, step: StepId): string[] {
  const { denial } = application
  if (application.status !== 'DENIED' || !denial?.values) return []
  const values = denial.values
  const prefix = `${step}.`
  return denial.fields
    .filter((field) => field.startsWith(prefix) && Object.hasOwn(values, field) && !sameAnswer(answerAt(application.answers, field), values[field]))
    .map((field) => field.slice(prefix.length))
}

/**
 * How many 要確認 items are left on the confirmation screen: each row a denial flagged (a row
 * counts as corrected once any of its flagged fields has changed), and each flagged field that no
 * row shows (it is still something to check).
 */
export function remainingCorrections(application: Corrected, steps: readonly StepId[]): { flagged: number; remaining: number } {
  let flagged = 0
  let remaining = 0
  for (const step of steps) {
    const fields = deniedFieldsOf(application, step)
    if (fields.length === 0) continue
    const corrected = correctedFieldsOf(application, step)
    const rows = rowsOf(step, application.answers)
    const flaggedRows = rows.filter((row) => isFlagged(row, fields))
    const unshown = fields.filter((field) => !rows.some((row) => isFlagged(row, [field])))
    flagged += flaggedRows.length + unshown.length
    remaining += flaggedRows.filter((row) => !isFlagged(row, corrected)).length + unshown.filter((field) => !corrected.includes(field)).length
  }
  return { flagged, remaining }
}

function rowsOf<S extends StepId>(step: S, answers: DraftAnswers) {
  // DraftAnswers holds each step's schema output under the step's id.
  const value = answers[step] as StepValues[S] | undefined
  return value ? answerRows(step, value) : []
}
