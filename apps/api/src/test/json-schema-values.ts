import fc from 'fast-check'
import { hostileKey, hostileNumber, hostilePiece, hostileValue } from './hostile-values.ts'

/** The parts of JSON Schema (as the OpenAPI document and z.toJSONSchema write it) values are generated from. */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  allOf?: JsonSchema[]
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: boolean | number
  exclusiveMaximum?: boolean | number
  minItems?: number
  maxItems?: number
  /** What the value must satisfy once normalised (the document's own extension; see http/openapi-schema-forms.ts). */
  'x-after-normalization'?: { pattern?: string; minLength?: number; maxLength?: number }
}

/** Real values by field name or dotted path (Account SIDs that are verified, session ids), used half the time. */
export type Hints = Readonly<Record<string, readonly unknown[]>>

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('山田', '太郎', 'ヤマダ', '東京都渋谷区', '1-2-3', 'テスト', 'a'))

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'email') return fc.emailAddress().filter((email) => email.length <= 254)
  if (schema.format === 'uuid') return fc.uuid()
  if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString())
  // A value already in its normal form passes the normalisation unchanged, so the checked pattern makes valid input too.
  const normalized = schema['x-after-normalization']
  const pattern = schema.pattern ?? normalized?.pattern
  if (pattern) {
    const maxLength = schema.maxLength ?? normalized?.maxLength ?? 10_000
    try {
      return fc.stringMatching(new RegExp(pattern)).filter((value) => value.length <= maxLength)
    } catch {
      // A pattern fast-check cannot invert: plain text, which the validator then judges.
    }
  }
  const minLength = schema.minLength ?? 0
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 60))
  return fc.oneof(text, fc.string({ minLength, maxLength })).filter((value) => value.length >= minLength && value.length <= maxLength)
}

function integerFor(schema: JsonSchema): fc.Arbitrary<number> {
  const exclusiveMin = schema.exclusiveMinimum === true ? 1 : 0
  const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -1_000) + exclusiveMin
  const max = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : (schema.maximum ?? 1_000) - (schema.exclusiveMaximum === true ? 1 : 0)
  // Small values mostly: versions and limits are small in real use.
  return fc.oneof({ weight: 3, arbitrary: fc.integer({ min, max: Math.min(max, min + 40) }) }, { weight: 1, arbitrary: fc.integer({ min, max }) })
}

/** Values the schema accepts, as far as JSON Schema says (zod's refinements are the validator's to judge). */
export function schemaValue(schema: JsonSchema, hints: Hints = {}, path: readonly string[] = []): fc.Arbitrary<unknown> {
  const hinted = hints[path.join('.')] ?? hints[path.at(-1) ?? '']
  const own = plainSchemaValue(schema, hints, path)
  return hinted && hinted.length > 0 ? fc.oneof(fc.constantFrom(...hinted), own) : own
}

function plainSchemaValue(schema: JsonSchema, hints: Hints, path: readonly string[]): fc.Arbitrary<unknown> {
  const variants = schema.oneOf ?? schema.anyOf
  if (variants) return fc.oneof(...variants.map((variant) => schemaValue(variant, hints, path)))
  if (schema.allOf?.[0]) return schemaValue(schema.allOf[0], hints, path)
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string':
      return stringFor(schema)
    case 'integer':
      return integerFor(schema)
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(schema.items ? schemaValue(schema.items, hints, [...path, '0']) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      })
    case 'object': {
      const properties = schema.properties ?? {}
      const record = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, schemaValue(child, hints, [...path, key])]))
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

type Path = readonly (string | number)[]

function pathsIn(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix)
  if (prefix.length < 6 && value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) pathsIn(child, [...prefix, Array.isArray(value) ? Number(key) : key], out)
  }
  return out
}

/** Sets an own, enumerable key, `__proto__` included (plain assignment would change the prototype). */
function setKey(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true })
}

function updateAt(value: unknown, path: Path, update: (current: unknown, parent: Record<string, unknown> | unknown[] | undefined, key: string | number | undefined) => unknown): unknown {
  if (path.length === 0) return update(value, undefined, undefined)
  const [head, ...rest] = path
  if (value === null || typeof value !== 'object') return value
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }
  const child = (copy as Record<string, unknown>)[String(head)]
  if (rest.length === 0) {
    const next = update(child, copy, head)
    if (next === DELETE) {
      if (Array.isArray(copy)) copy.splice(Number(head), 1)
      else return Object.fromEntries(Object.entries(copy).filter(([key]) => key !== String(head)))
    } else if (Array.isArray(copy)) copy[Number(head)] = next
    else setKey(copy, String(head), next)
    return copy
  }
  const next = updateAt(child, rest, update)
  if (Array.isArray(copy)) copy[Number(head)] = next
  else setKey(copy, String(head), next)
  return copy
}

const DELETE = Symbol('delete')

type Mutation =
  | { kind: 'replace'; value: unknown }
  | { kind: 'taint'; piece: string; at: number }
  | { kind: 'edge'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'wrap' }
  | { kind: 'objectify' }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: hostileValue.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 6, arbitrary: fc.tuple(hostilePiece, fc.nat()).map(([piece, at]) => ({ kind: 'taint' as const, piece, at })) },
  { weight: 2, arbitrary: hostileNumber.map((value) => ({ kind: 'edge' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 2, arbitrary: fc.tuple(hostileKey, hostileValue).map(([key, value]) => ({ kind: 'extra' as const, key, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrap' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'objectify' as const }) },
)

function applyMutation(value: unknown, path: Path, change: Mutation): unknown {
  return updateAt(value, path, (current) => {
    switch (change.kind) {
      case 'replace':
        return change.value
      // One odd character inside an otherwise valid text: the value passes every other rule.
      case 'taint':
        if (typeof current !== 'string') return `${change.piece}`
        return `${current.slice(0, change.at % (current.length + 1))}${change.piece}${current.slice(change.at % (current.length + 1))}`
      case 'edge':
        return typeof current === 'number' || typeof current === 'string' ? change.value : current
      case 'delete':
        return path.length === 0 ? undefined : DELETE
      case 'extra': {
        if (current === null || typeof current !== 'object' || Array.isArray(current)) return { value: current, [change.key]: change.value }
        const copy = { ...(current as Record<string, unknown>) }
        setKey(copy, change.key, change.value)
        return copy
      }
      case 'wrap':
        return [current]
      case 'objectify':
        return { value: current }
    }
  })
}

function leavesIn(value: unknown, paths: Path[]) {
  const leaves = paths.filter((path) => {
    const leaf = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[String(key)], value)
    return typeof leaf === 'string' || typeof leaf === 'number'
  })
  return leaves.length > 0 ? leaves : paths
}

/**
 * Values with one to three hostile changes at random places: wrong types, odd values, keys added
 * or missing. Odd characters and number edges go into leaves, where they would pass every other rule.
 */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return base.chain((value) =>
    fc.oneof({ weight: 3, arbitrary: fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(), mutation), { minLength: 2, maxLength: 3 }) }).map((changes) =>
      changes.reduce((current, [pick, change]) => {
        const all = pathsIn(current)
        const paths = change.kind === 'taint' || change.kind === 'edge' ? leavesIn(current, all) : all
        return applyMutation(current, paths[pick % paths.length]!, change)
      }, value),
    ),
  )
}

/** Exactly one change, to a text or number inside the value: an odd character, or a number at an edge. */
export function mutatedLeaf(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const change = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(hostilePiece, fc.nat()).map(([piece, at]) => ({ kind: 'taint' as const, piece, at })) },
    { weight: 1, arbitrary: hostileNumber.map((value) => ({ kind: 'edge' as const, value })) },
    { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'replace' as const, value })) },
  )
  return base.chain((value) =>
    fc.tuple(fc.nat(), change).map(([pick, mutation]) => {
      const paths = leavesIn(value, pathsIn(value))
      return applyMutation(value, paths[pick % paths.length]!, mutation)
    }),
  )
}

export const mutatedValue = (schema: JsonSchema, hints: Hints = {}) => mutated(schemaValue(schema, hints))
