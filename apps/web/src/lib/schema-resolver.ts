import { zodResolver } from '@hookform/resolvers/zod'
import type { FieldValues, Resolver, ResolverOptions, ResolverResult } from 'react-hook-form'
import type * as z from 'zod/mini'

/**
 * react-hook-form reports a radio group nobody answered as null; the schemas mean "no answer" by
 * an absent key. Only that difference is bridged here: every rule stays in the schema.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, child]) => child !== null)
        .map(([key, child]) => [key, withoutNulls(child)]),
    )
  }
  return value
}

/**
 * zodResolver for a form whose values are shaped a little differently from the schema's input
 * (an unanswered radio is null; fields kept for a hidden section must not reach the schema).
 * `toInput` reshapes the values; the schema alone decides what is valid.
 */
export function schemaResolver<S extends z.ZodMiniType, V extends FieldValues = z.input<S> & FieldValues>(
  schema: S,
  toInput: (values: V) => unknown = withoutNulls,
): Resolver<V, unknown, z.output<S>> {
  const resolve = zodResolver(schema as z.ZodMiniType<FieldValues, FieldValues>)
  return async (values, context, options) => {
    const result = await resolve(
      toInput(values) as FieldValues,
      context,
      // The options name the form's fields, which are the same paths in both shapes.
      options as unknown as ResolverOptions<FieldValues>,
    )
    return result as ResolverResult<V, z.output<S>>
  }
}
