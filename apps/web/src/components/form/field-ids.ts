/** The DOM id of a form field from its dot path (`agent.birthDate.year` → `agent-birthDate-year`). */
export function fieldId(path: string): string {
  return path.replaceAll('.', '-')
}

/** The aria-describedby of a field: its hint and its error, whichever are shown. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined
}
