import type { $ZodType, JSONSchema } from 'zod/v4/core'

/**
 * What toJSONSchema writes for a string is the constraints of its checks, wherever they stand in
 * the chain. Ours normalise first (NFKC, trimming, the hyphen of a postal code, the case of an
 * Account SID) and check afterwards, so those constraints describe neither what a client may send
 * (`１５０-０００２` is accepted) nor always what the API answers (the postal code's `^\d{7}$` is
 * checked before the hyphen is put back). This rewrites each string schema by where its checks
 * stand: for a request, only constraints before the first rewrite hold for the raw value (the
 * others are kept under `x-after-normalization`, for people and for the hostile-input suite's
 * value generator); for a response, only those after the last rewrite. Wire forms (below) then say
 * what the generic rule cannot know.
 */

type Io = 'input' | 'output'

interface OverrideContext {
  zodSchema: $ZodType
  jsonSchema: JSONSchema.BaseSchema
}

/** Explicit JSON Schema for a zod schema's request side and response side (merged over the generated one). */
export interface WireForm {
  input?: JSONSchema.BaseSchema
  output?: JSONSchema.BaseSchema
}

const wireForms = new WeakMap<$ZodType, WireForm>()

/** Declares what a schema accepts and returns on the wire, where its checks alone cannot say it. */
export function declareWireForm(schema: $ZodType, form: WireForm) {
  wireForms.set(schema, form)
}

/** The JSON Schema keywords each kind of zod check writes. */
const KEYWORDS_OF_CHECK: Record<string, readonly string[]> = {
  min_length: ['minLength'],
  max_length: ['maxLength'],
  length_equals: ['minLength', 'maxLength'],
  string_format: ['pattern', 'format', 'allOf', 'contentEncoding'],
}

interface CheckDef {
  _zod: { def: { check: string } }
}

function constrainStringByCheckOrder(ctx: OverrideContext, io: Io) {
  const def = ctx.zodSchema._zod.def as { type: string; checks?: readonly CheckDef[] }
  if (def.type !== 'string' || !def.checks) return
  const kinds = def.checks.map((check) => check._zod.def.check)
  const first = kinds.indexOf('overwrite')
  if (first === -1) return
  const last = kinds.lastIndexOf('overwrite')
  const unsure = kinds.filter((kind, index) => kind in KEYWORDS_OF_CHECK && (io === 'input' ? index > first : index < last))
  const schema = ctx.jsonSchema as Record<string, unknown>
  const moved: Record<string, unknown> = {}
  for (const kind of unsure) {
    for (const keyword of KEYWORDS_OF_CHECK[kind] ?? []) {
      if (keyword in schema) {
        moved[keyword] = schema[keyword]
        Reflect.deleteProperty(schema, keyword)
      }
    }
  }
  if (io === 'input' && Object.keys(moved).length > 0) schema['x-after-normalization'] = moved
}

function wireFormOf(schema: $ZodType): WireForm | undefined {
  for (let current: $ZodType | undefined = schema; current; current = current._zod.parent) {
    const form = wireForms.get(current)
    if (form) return form
  }
  return undefined
}

/**
 * fastify-type-provider-zod's own adjustments for JSON Schema 2020-12 (its default override, which
 * a custom one replaces): empty union members dropped, dates as date-time strings on output.
 */
function providerDefaults(ctx: OverrideContext, io: Io) {
  const type = (ctx.zodSchema._zod.def as { type: string }).type
  const schema = ctx.jsonSchema
  if (type === 'union' && schema.anyOf) schema.anyOf = schema.anyOf.filter((member) => typeof member !== 'object' || Object.keys(member).length > 0)
  if (type === 'date' && io === 'output') Object.assign(schema, { type: 'string', format: 'date-time' })
  if (type === 'undefined' && io === 'output') schema.type = 'null'
}

/** The `override` of zod's toJSONSchema for one side of the wire. */
export function schemaOverride(io: Io) {
  return (ctx: OverrideContext) => {
    providerDefaults(ctx, io)
    constrainStringByCheckOrder(ctx, io)
    const form = wireFormOf(ctx.zodSchema)?.[io]
    if (form) Object.assign(ctx.jsonSchema, form)
  }
}
