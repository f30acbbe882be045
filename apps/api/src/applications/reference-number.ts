import { japanToday } from '@kakunin/schema/japan-time'

/** The calendar day in Japan, as YYYYMMDD: applicants and staff read reference numbers in JST. */
export function japanDayKey(at: Date): string {
  const { year, month, day } = japanToday(at)
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`
}

/** `KYC-20261128-0001`; the sequence widens past 9999 rather than wrapping. */
export function formatReference(dayKey: string, sequence: number): string {
  return `KYC-${dayKey}-${String(sequence).padStart(4, '0')}`
}
