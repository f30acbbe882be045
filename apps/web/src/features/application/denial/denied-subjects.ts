import type { ApplicantApplication } from '@kakunin/schema/application'

type Denial = Pick<NonNullable<ApplicantApplication['denial']>, 'fields' | 'hints'>

/** The 代理人's fields in a denial: 代理人情報 (`agent`), under its `agent` person. */
const AGENT_FIELD = /^agent\./

/** A hint about the agent's own ID: the reviewer starts it with 「代理人の」. */
export const isAgentHint = (hint: string) => hint.startsWith('代理人の')

/** Whose details did not match their ID: the customer's (利用者情報), the agent's (代理人情報), or both. */
export function deniedSubjects(denial: Denial | null | undefined): { customer: boolean; agent: boolean } {
  const fields = denial?.fields ?? []
  return {
    customer: fields.some((field) => !AGENT_FIELD.test(field)),
    agent: fields.some((field) => AGENT_FIELD.test(field)) || (denial?.hints ?? []).some(isAgentHint),
  }
}

/** One sentence saying whose ID did not match, when a 代理人's did; null when only the customer's did. */
export function whoseMismatch(denial: Denial | null | undefined): string | null {
  const { customer, agent } = deniedSubjects(denial)
  if (!agent) return null
  return customer
    ? '利用者ご本人と代理人の方、それぞれの本人確認書類の記載と、「利用者情報」「代理人情報」にご入力いただいた内容が一致しませんでした。'
    : '代理人の方の本人確認書類の記載と、「代理人情報」にご入力いただいた内容が一致しませんでした。'
}

/** The hints that concern one step's fields: the agent's on 代理人情報, the others elsewhere; all of them when none is told apart. */
export function hintsForStep(hints: readonly string[], step: string): readonly string[] {
  const own = hints.filter((hint) => (step === 'agent') === isAgentHint(hint))
  return own.length > 0 ? own : hints
}
