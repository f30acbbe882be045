import type pg from 'pg'
import type { DraftAnswers, StepValues } from '@kakunin/schema/form/application-form'
import { minorGuardianIssue } from '@kakunin/schema/form/agent-step'
import { loginStepFor } from '@kakunin/schema/form/login-step'
import { fieldErrors } from '@kakunin/schema/errors'
import type { ResumePoint, StepId } from '@kakunin/schema/form/steps'
import { ApiError } from '../http/api-error.ts'
import type { ApplicantWriteSession } from '../applicant-session/applicant-session.ts'
import type { AppDeps } from '../deps.ts'
import { rowToView, selectOwnedApplication, type OwnedBy } from './application-sql.ts'
import { updateStep } from '../state/applicant-writes.ts'
import { EDITABLE_STATUSES, explainRejectedWrite, flowsWithStep } from './rejected-write.ts'
import { searchColumns } from './search-columns.ts'

export const VALIDATION_MESSAGE = '入力内容に誤りがあります。各項目のメッセージをご確認ください。'

/**
 * Saves one step's answers (already validated by the step's schema) as the version the client
 * read, with an ANSWERS_SAVED event; a stale version, another session or a submitted application
 * changes nothing.
 */
export async function saveStep<S extends StepId>(
  deps: Pick<AppDeps, 'pool' | 'clock'>,
  session: ApplicantWriteSession,
  step: S,
  input: { version: number; values: StepValues[S]; resumeAt?: ResumePoint | undefined },
) {
  const { pool } = deps
  const now = deps.clock()
  const owned = { ...session, now }
  if (step === 'agent') await checkGuardian(pool, owned, input.values as StepValues['agent'])
  if (step === 'login') await checkLoginForFlow(pool, owned, input.values as StepValues['login'])
  const row = await updateStep(pool, {
    ...session,
    version: input.version,
    step,
    values: input.values,
    resumeAt: input.resumeAt ?? null,
    flows: flowsWithStep(step),
    statuses: EDITABLE_STATUSES,
    search: searchColumns({ [step]: input.values } as DraftAnswers),
    now,
  })
  if (!row) throw await explainRejectedWrite(pool, owned, step)
  return rowToView(pool, row)
}

/** Twilioログイン情報 differs by flow: the already-verified flow needs the verified SID, the first time has none. */
async function checkLoginForFlow(pool: pg.Pool, session: OwnedBy, login: StepValues['login']) {
  const current = await selectOwnedApplication(pool, session)
  if (!current) return // the write that follows answers 404
  const parsed = loginStepFor(current.flow).safeParse(login)
  if (!parsed.success) {
    const fields = Object.fromEntries(Object.entries(fieldErrors(parsed.error.issues)).map(([path, message]) => [`values.${path}`, message]))
    throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, fields)
  }
}

/** The one rule spanning steps that the agent step can already check: a minor needs a guardian. */
async function checkGuardian(pool: pg.Pool, session: OwnedBy, agent: StepValues['agent']) {
  const current = await selectOwnedApplication(pool, session)
  const issue = minorGuardianIssue(current?.answers.user?.birthDate, agent)
  if (issue) {
    throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, { [['values', ...issue.path].join('.')]: issue.message })
  }
}
