// Helpers for testing schemas: a value without a field, full-width input, where parsing fails.

/** A copy of `value` without `key`, to test a missing field. */
export function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== String(key))) as Omit<T, K>
}

/** ASCII typed in full width, as an IME in 全角 mode produces it. */
export function toFullWidth(value: string): string {
  return value.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
}

interface Parseable {
  safeParse(input: unknown): { success: true } | { success: false; error: { issues: readonly IssueLocation[] } }
}
interface IssueLocation {
  path: readonly PropertyKey[]
  message: string
}

/** Where and how `input` fails `schema`: each issue's path and message ([] when it passes). */
export function issuesOf(schema: Parseable, input: unknown): IssueLocation[] {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path: [...path], message }))
}
