import { answersOf } from '#src/state/approval-evidence.ts'
import type pg from 'pg'
import type { DraftAnswers, StepValues } from '@kakunin/schema/form/application-form'
import { minorGuardianIssue } from '@kakunin/schema/form/agent-step'
import { loginStepFor } from '@kakunin/schema/form/login-step'
import type { ResumePoint, StepId } from '@kakunin/schema/form/steps'
import { validationFailed } from '#src/http/api-error.ts'
import type { ApplicantWriteSession } from '#src/applicant-session/applicant-session.ts'
import type { AppDeps } from '#src/deps.ts'
import { toApplicantView } from '#src/state/application-view.ts'
import { selectOwnedApplication } from './application-sql.ts'
import type { OwnedBy } from '#src/state/application-row.ts'
import { updateStep } from '#src/state/applicant-writes.ts'
import { EDITABLE_STATUSES } from '@kakunin/schema/status-machine'
import { explainRejectedWrite, flowsWithStep } from './rejected-write.ts'
import { searchColumns } from './search-columns.ts'


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
  const row = await updateStep(pool, {
    ...session,
    version: input.version,
    step,
    values: input.values,
    resumeAt: input.resumeAt ?? null,
    // Twilioログイン情報 differs by flow (the verified SID only in 2回目以降): the statement matches
    // only a flow whose rule these values meet, so the happy path needs no read first.
    flows: step === 'login' ? flowsWithStep(step).filter((flow) => loginStepFor(flow).safeParse(input.values).success) : flowsWithStep(step),
    statuses: EDITABLE_STATUSES,
    search: searchColumns({ [step]: input.values } as DraftAnswers),
    now,
  })
  if (!row) throw await explainRejectedWrite(pool, owned, step, input.values)
  return toApplicantView(pool, row)
}

/** The one rule spanning steps that the agent step can already check: a minor needs a guardian. */
async function checkGuardian(pool: pg.Pool, session: OwnedBy, agent: StepValues['agent']) {
  const current = await selectOwnedApplication(pool, session)
  const issue = minorGuardianIssue(current ? answersOf(current).user?.birthDate : undefined, agent)
  if (issue) {
    throw validationFailed({ [['values', ...issue.path].join('.')]: issue.message })
  }
}
