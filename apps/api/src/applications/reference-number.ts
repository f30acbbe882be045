const japanDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day in Japan, as YYYYMMDD: applicants and staff read reference numbers in JST. */
export function japanDayKey(at: Date): string {
  return japanDay.format(at).replaceAll('-', '')
}

/** `KYC-20261128-0001`; the sequence widens past 9999 rather than wrapping. */
export function formatReference(dayKey: string, sequence: number): string {
  return `KYC-${dayKey}-${String(sequence).padStart(4, '0')}`
}
