import { z } from '../zod.ts'
import { agentIsUserIssue, agentStep, minorGuardianIssue } from './agent-step.ts'
import { extraStep } from './extra-step.ts'
import { loginStep, loginStepFor } from './login-step.ts'
import { purposeStep } from './purpose-step.ts'
import type { StepId } from './steps.ts'
import { typeStep } from './type-step.ts'
import { userStep } from './user-step.ts'

/** One schema per step; the SPA validates each before moving on, the API each save. */
export const STEP_SCHEMAS = {
  type: typeStep,
  login: loginStep,
  user: userStep,
  purpose: purposeStep,
  extra: extraStep,
  agent: agentStep,
} as const satisfies Record<StepId, z.ZodMiniType>

export type StepValues = { [K in StepId]: z.infer<(typeof STEP_SCHEMAS)[K]> }

/** What a draft holds: any of the steps, each complete and valid on its own. */
export const draftAnswers = z.strictObject({
  type: z.optional(typeStep),
  login: z.optional(loginStep),
  user: z.optional(userStep),
  purpose: z.optional(purposeStep),
  extra: z.optional(extraStep),
  agent: z.optional(agentStep),
})
export type DraftAnswers = z.infer<typeof draftAnswers>

/**
 * A complete first-time application: every step, plus the rules that span steps. Submitting
 * validates this; a missing step is reported on the step's own path.
 */
export const firstTimeApplication = z
  .strictObject({
    type: typeStep,
    login: loginStepFor('FIRST_TIME'),
    user: userStep,
    purpose: purposeStep,
    extra: extraStep,
    agent: agentStep,
  })
  .check(
    z.superRefine((value, ctx) => {
      const issue = minorGuardianIssue(value.user.birthDate, value.agent) ?? agentIsUserIssue(value.user, value.agent)
      if (issue) ctx.issues.push({ code: 'custom', path: ['agent', ...issue.path], input: value.agent, message: issue.message })
    }),
  )
export type FirstTimeApplication = z.infer<typeof firstTimeApplication>

/** A complete already-verified (2回目以降) application: お申し込み内容 and Twilioログイン情報 with the verified SID. */
export const linkVerifiedApplication = z.strictObject({
  type: typeStep,
  login: loginStepFor('LINK_VERIFIED'),
})
export type LinkVerifiedApplication = z.infer<typeof linkVerifiedApplication>
