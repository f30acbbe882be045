import { fieldErrors } from '@kakunin/schema/errors'
import { loginStepFor } from '@kakunin/schema/form/login-step'
import type pg from 'pg'
import { STALE_VERSION_MESSAGE } from '@kakunin/schema/application'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import { EDITABLE_STATUSES } from '@kakunin/schema/status-machine'
import { STEPS_BY_FLOW, type StepId } from '@kakunin/schema/form/steps'
import { ApiError, conflict, notFound, validationFailed } from '#src/http/api-error.ts'
import { selectOwnedApplication } from './application-sql.ts'
import type { OwnedBy } from '#src/state/application-row.ts'

export const NOT_EDITABLE_MESSAGE = 'このお申し込みは送信済みのため、内容を変更できません。'

export const NOT_IN_FLOW_MESSAGE = 'このお申し込みの手続きにはない入力項目です'

export const flowsWithStep = (step: StepId): ApplicationFlow[] =>
  (Object.keys(STEPS_BY_FLOW) as ApplicationFlow[]).filter((flow) => (STEPS_BY_FLOW[flow] as readonly StepId[]).includes(step))

/**
 * A guarded write matched no row, so it changed nothing. Says why, from the row as it is now:
 * not this session's (404, as if it did not exist), no longer editable or changed since the
 * client read it (409), or a step its flow does not have (400).
 */
export async function explainRejectedWrite(pool: pg.Pool, owned: OwnedBy, step?: StepId, values?: unknown): Promise<ApiError> {
  const current = await selectOwnedApplication(pool, owned)
  if (!current) return notFound('お申し込みが見つかりません')
  if (!EDITABLE_STATUSES.includes(current.status)) return conflict(NOT_EDITABLE_MESSAGE)
  if (step && !flowsWithStep(step).includes(current.flow)) return new ApiError(400, 'BAD_REQUEST', NOT_IN_FLOW_MESSAGE)
  if (step === 'login') {
    // The login step's rule of this application's flow (the write matched only flows it accepts).
    const parsed = loginStepFor(current.flow).safeParse(values)
    if (!parsed.success) {
      const fields = Object.fromEntries(Object.entries(fieldErrors(parsed.error.issues)).map(([path, message]) => [`values.${path}`, message]))
      return validationFailed(fields)
    }
  }
  return conflict(STALE_VERSION_MESSAGE)
}
