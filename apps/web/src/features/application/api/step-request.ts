import type { paths } from '@kakunin/api-client'
import type { StepValues } from '@kakunin/schema/form/application-form'
import type { ResumePoint, StepId } from '@kakunin/schema/form/steps'

// Each step has its own route (…/steps/type, …/steps/login, …), documented with its own body.
// TypeScript cannot pair a union of steps with a union of routes in one call, so a call names the
// route of `step` and its body as the union of every step's; what makes that sound is checked here,
// once per step: the body the form sends for a step is the one the API documents for that step.

export type StepPath = `/api/applications/{id}/steps/${StepId}`
export type StepDraftPath = `${StepPath}/draft`

type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never
type StepBody<S extends StepId> = JsonBody<paths[`/api/applications/{id}/steps/${S}`]['put']>
type StepDraftBody<S extends StepId> = JsonBody<paths[`/api/applications/{id}/steps/${S}/draft`]['put']>

/** What the form sends for step `S`: the step schema's parsed values, at the version they were read. */
interface StepSent<S extends StepId> {
  version: number
  values: StepValues[S]
  resumeAt: ResumePoint
}

/** The steps whose body, as the form sends it, is not the one their route documents (none). */
type UndocumentedStepBody = { [S in StepId]: StepSent<S> extends StepBody<S> ? never : S }[StepId]
// Fails to compile, naming the step, when a step's values and its route's body drift apart.
const everyStepBodyDocumented: [UndocumentedStepBody] extends [never] ? true : UndocumentedStepBody = true
void everyStepBodyDocumented

export const stepPath = (step: StepId): StepPath => `/api/applications/{id}/steps/${step}`
export const stepDraftPath = (step: StepId): StepDraftPath => `${stepPath(step)}/draft`

/**
 * The body of `PUT stepDraftPath(step)`: the fields that are right on their own, which the draft
 * split finds field by field at run time (so they are typed as a record); the API checks each one.
 */
export const stepDraftBody = (body: { version: number; values: Record<string, unknown>; resumeAt: ResumePoint }) =>
  body as StepDraftBody<StepId>

/** The body of `PUT stepPath(step)`, for a step only known at run time (sound by the check above). */
export const stepBody = (body: StepSent<StepId>) => body as StepBody<StepId>
