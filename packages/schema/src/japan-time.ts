const JST_OFFSET_MS = 9 * 60 * 60 * 1000 // Japan has kept UTC+9 without daylight saving since 1951

/** The calendar date in Japan at `now`: applicants and staff live by it, whatever the server's zone. */
export function japanToday(now = new Date()): { year: number; month: number; day: number } {
  const japan = new Date(now.getTime() + JST_OFFSET_MS)
  return { year: japan.getUTCFullYear(), month: japan.getUTCMonth() + 1, day: japan.getUTCDate() }
}

/** The calendar date in Japan at `at` as YYYY-MM-DD: what people in Japan call that day. */
export function japanDate(at = new Date()): string {
  const { year, month, day } = japanToday(at)
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const JAPAN_DATE_TIME = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** An instant as people in Japan read it, whatever the machine's time zone: 2026年11月28日 12:05. */
export const formatJapanDateTime = (at: Date | string) => JAPAN_DATE_TIME.format(typeof at === 'string' ? new Date(at) : at)
