import type { BirthDate } from '@kakunin/schema/birth-date'
import { japanToday } from '@kakunin/schema/japan-time'

/**
 * A birth date on 1 January, `years` years before the current year in Japan: that person is
 * exactly `years` old today in Japan, whatever the machine's zone (the clock can be injected).
 */
export function birthDateForAge(years: number, now = new Date()): BirthDate {
  return { year: String(japanToday(now).year - years), month: '1', day: '1' }
}
