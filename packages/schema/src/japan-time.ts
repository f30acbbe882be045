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

/** An instant as a date in Japan, as the 確認記録 writes it: 2026年12月1日. */
export function formatJapanDate(at: Date | string): string {
  const { year, month, day } = japanToday(typeof at === 'string' ? new Date(at) : at)
  return `${year}年${month}月${day}日`
}

/** An instant in ISO 8601 with Japan's offset: 2026-12-01T10:00:00.000+09:00 (the same instant as the UTC form). */
export function japanIsoTime(at: Date | string): string {
  const instant = typeof at === 'string' ? new Date(at) : at
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an instant: ${String(at)}`)
  return `${new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, -1)}+09:00`
}

/** An instant as the 確認記録 holds it: the date people in Japan call it, and the exact time with +09:00. */
export const japanInstant = (at: Date | string) => ({ date: formatJapanDate(at), at: japanIsoTime(at) })
