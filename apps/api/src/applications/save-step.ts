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
import { updateStep, updateStepDraft } from '#src/state/applicant-writes.ts'
import type { StepDraft } from '@kakunin/schema/form/step-drafts'
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

export const NOT_IN_THIS_FLOW_FIELD_MESSAGE = 'この項目は受け付けていません'

/**
 * 下書き保存 with some fields still wrong: the fields that are right on their own (the route
 * validated each with the step's own field rule, so a wrong one never gets here: it is a 400) are
 * kept as the step's draft, beside the answers; rules across fields wait for the step's own save.
 */
export async function saveStepDraft<S extends StepId>(
  deps: Pick<AppDeps, 'pool' | 'clock'>,
  session: ApplicantWriteSession,
  step: S,
  input: { version: number; values: StepDraft[S]; resumeAt?: ResumePoint | undefined },
) {
  const { pool } = deps
  const now = deps.clock()
  // Only the already-verified flow asks for the verified SID; the first time refuses it here too.
  const namesVerifiedSid = step === 'login' && (input.values as StepDraft['login']).verifiedAccountSid !== undefined
  const flows = flowsWithStep(step).filter((flow) => !namesVerifiedSid || flow === 'LINK_VERIFIED')
  const row = await updateStepDraft(pool, {
    ...session,
    version: input.version,
    step,
    values: input.values,
    resumeAt: input.resumeAt ?? null,
    flows,
    statuses: EDITABLE_STATUSES,
    now,
  })
  if (!row) {
    const current = await selectOwnedApplication(pool, { ...session, now })
    if (namesVerifiedSid && current?.flow === 'FIRST_TIME' && EDITABLE_STATUSES.includes(current.status)) {
      throw validationFailed({ 'values.verifiedAccountSid': NOT_IN_THIS_FLOW_FIELD_MESSAGE })
    }
    throw await explainRejectedWrite(pool, { ...session, now }, step === 'login' ? undefined : step)
  }
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
