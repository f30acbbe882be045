import { set, type Resolver } from 'react-hook-form'
import type * as z from 'zod/mini'
import type { BirthDate } from '@kakunin/schema/birth-date'
import { agentStep, minorGuardianIssue, type AgentStep, type agentPerson } from '@kakunin/schema/form/agent-step'
import { schemaResolver, withoutNulls } from '#src/lib/schema-resolver.ts'

/**
 * The agent step's form keeps the agent's fields while いいえ is chosen, so switching back loses
 * nothing; the schema's いいえ branch has no agent at all, so they are left out before validating.
 */
export interface AgentFormValues {
  hasAgent?: 'YES' | 'NO' | null
  agent: Partial<z.input<typeof agentPerson>>
}

const validate = schemaResolver<typeof agentStep, AgentFormValues>(agentStep, (values) =>
  withoutNulls(values.hasAgent === 'YES' ? values : { hasAgent: values.hasAgent }),
)

/**
 * The step's schema, then the rule that spans steps (a minor needs a 法定代理人), with the same
 * function the whole application is checked with on submit, so the applicant learns it here.
 */
export function agentResolver(userBirthDate: BirthDate | undefined): Resolver<AgentFormValues, unknown, AgentStep> {
  return async (values, context, options) => {
    const result = await validate(values, context, options)
    if (Object.keys(result.errors).length > 0) return result
    // No errors: the values are the schema's output.
    const issue = minorGuardianIssue(userBirthDate, result.values as AgentStep)
    if (!issue) return result
    const errors = {}
    set(errors, issue.path.join('.'), { type: 'custom', message: issue.message })
    return { values: {}, errors }
  }
}
