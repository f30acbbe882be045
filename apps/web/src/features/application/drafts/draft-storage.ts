import type { StepId } from '@kakunin/schema/form/steps'

// What a draft save could not keep (fields still wrong) stays in this tab only: sessionStorage, per
// application and step, so nothing typed is lost on a reload and nothing outlives the tab.
const keyOf = (applicationId: string, step: StepId) => `kakunin:draft:${applicationId}:${step}`

export type HeldFields = Record<string, unknown>

export function readHeldFields(applicationId: string, step: StepId): HeldFields {
  try {
    const stored = globalThis.sessionStorage?.getItem(keyOf(applicationId, step))
    const parsed: unknown = stored ? JSON.parse(stored) : {}
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as HeldFields) : {}
  } catch {
    // Storage refused (private mode) or a value someone edited by hand: nothing to restore.
    return {}
  }
}

export function holdFields(applicationId: string, step: StepId, fields: HeldFields) {
  try {
    if (Object.keys(fields).length === 0) globalThis.sessionStorage?.removeItem(keyOf(applicationId, step))
    else globalThis.sessionStorage?.setItem(keyOf(applicationId, step), JSON.stringify(fields))
  } catch {
    // A full or refused storage only loses what the message already says was not saved.
  }
}

/** Once the step is saved whole, nothing of it is held any more. */
export const releaseFields = (applicationId: string, step: StepId) => holdFields(applicationId, step, {})
