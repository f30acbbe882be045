const JST_OFFSET_MS = 9 * 60 * 60 * 1000 // Japan has kept UTC+9 without daylight saving since 1951

/** The calendar date in Japan at `now`: applicants and staff live by it, whatever the server's zone. */
export function japanToday(now = new Date()): { year: number; month: number; day: number } {
  const japan = new Date(now.getTime() + JST_OFFSET_MS)
  return { year: japan.getUTCFullYear(), month: japan.getUTCMonth() + 1, day: japan.getUTCDate() }
}
