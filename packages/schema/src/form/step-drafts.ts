import { z } from '../zod.ts'
import { agentPerson } from './agent-step.ts'
import { extraStep } from './extra-step.ts'
import { loginStep } from './login-step.ts'
import { purposeStep } from './purpose-step.ts'
import type { StepId } from './steps.ts'
import { typeStep } from './type-step.ts'
import { userStep } from './user-step.ts'

type Shape = Record<string, z.ZodMiniType>

/**
 * A step's fields, each optional and each checked by its own rule only: a draft keeps every field
 * that is right on its own. Rules between fields (two different addresses, 「その他」 needs its
 * text, a minor's guardian) wait for the step's own save and the submission.
 */
function fieldsOf<S extends Shape>(shape: S) {
  const optional = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, z.optional(field)]))
  return z.strictObject(optional as { [K in keyof S]: z.ZodMiniOptional<S[K]> })
}

export const STEP_DRAFT_SCHEMAS = {
  type: fieldsOf(typeStep.shape),
  login: fieldsOf(loginStep.shape),
  user: fieldsOf(userStep.shape),
  purpose: fieldsOf(purposeStep.shape),
  extra: fieldsOf(extraStep.shape),
  // The agent's own fields sit one level down; each of them is still a field on its own.
  agent: z.strictObject({ hasAgent: z.optional(z.enum(['YES', 'NO'])), agent: z.optional(fieldsOf(agentPerson.shape)) }),
} as const satisfies Record<StepId, z.ZodMiniType>

export type StepDraft = { [K in StepId]: z.infer<(typeof STEP_DRAFT_SCHEMAS)[K]> }

/** What the server keeps of steps not yet saved whole: the fields that were right, per step. */
export const stepDrafts = z.strictObject({
  type: z.optional(STEP_DRAFT_SCHEMAS.type),
  login: z.optional(STEP_DRAFT_SCHEMAS.login),
  user: z.optional(STEP_DRAFT_SCHEMAS.user),
  purpose: z.optional(STEP_DRAFT_SCHEMAS.purpose),
  extra: z.optional(STEP_DRAFT_SCHEMAS.extra),
  agent: z.optional(STEP_DRAFT_SCHEMAS.agent),
})
export type StepDrafts = z.infer<typeof stepDrafts>
