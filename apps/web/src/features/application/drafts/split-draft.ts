import type * as z from 'zod/mini'
import { STEP_DRAFT_SCHEMAS } from '@kakunin/schema/form/step-drafts'
import type { StepId } from '@kakunin/schema/form/steps'
import { withoutNulls } from '#src/lib/schema-resolver.ts'

export interface HeldField {
  /** The dot path of the field, as the form registers it. */
  path: string
  message: string
}

export interface SplitDraft {
  /** Fields right on their own, parsed: what the server keeps. */
  valid: Record<string, unknown>
  /** Fields still wrong, as typed: what this tab keeps. */
  invalid: Record<string, unknown>
  problems: HeldField[]
}

/** Nothing typed: an empty text, an unticked set, a date or address with every part empty. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.values(value).every(isEmpty)
  return false
}

/** What was typed, without the empty parts: two forms holding the same typing compare equal. */
export function typedOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value
  if (value && typeof value === 'object') {
    const kept = Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => [key, typedOnly(inner)] as const)
      .filter(([, inner]) => !isEmpty(inner))
    return kept.length === 0 ? undefined : Object.fromEntries(kept)
  }
  return isEmpty(value) ? undefined : value
}

type ShapedSchema = z.ZodMiniType & { def: { shape?: Record<string, z.ZodMiniType> } }

function split(schema: ShapedSchema, values: Record<string, unknown>, prefix: string, nested: ReadonlySet<string>, out: SplitDraft) {
  const shape = schema.def.shape ?? {}
  for (const [key, field] of Object.entries(shape)) {
    const value = values[key]
    if (isEmpty(value)) continue
    const path = `${prefix}${key}`
    // The agent's own fields are fields on their own, one level down.
    if (nested.has(key) && value && typeof value === 'object') {
      const inner = (field as unknown as { def: { innerType: ShapedSchema } }).def.innerType
      const part: SplitDraft = { valid: {}, invalid: {}, problems: [] }
      split(inner, value as Record<string, unknown>, `${path}.`, new Set(), part)
      if (Object.keys(part.valid).length > 0) out.valid[key] = part.valid
      if (Object.keys(part.invalid).length > 0) out.invalid[key] = part.invalid
      out.problems.push(...part.problems)
      continue
    }
    const parsed = field.safeParse(value)
    if (parsed.success) {
      out.valid[key] = parsed.data
    } else {
      out.invalid[key] = value
      out.problems.push({ path, message: parsed.error.issues[0]?.message ?? '入力内容を確認してください' })
    }
  }
}

/** A step's form values cut into what the server may keep and what stays in the browser. */
export function splitDraft(step: StepId, formValues: object): SplitDraft {
  const out: SplitDraft = { valid: {}, invalid: {}, problems: [] }
  const values = withoutNulls(formValues) as Record<string, unknown>
  split(STEP_DRAFT_SCHEMAS[step] as unknown as ShapedSchema, values, '', new Set(step === 'agent' ? ['agent'] : []), out)
  return out
}
