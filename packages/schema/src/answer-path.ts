/**
 * The answer at a dotted path of an application's answers (`user.address.town`), as a denial names
 * its fields; undefined where the path leads nowhere.
 */
export function answerAt(answers: unknown, path: string): unknown {
  let value = answers
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** Whether two answers are the same, whatever the order of their keys (they come back as JSON). */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  // An absent key and one set to undefined are the same answer: JSON drops the latter.
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((key) => sameAnswer((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}
