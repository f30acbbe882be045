const FORMAT = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** An instant as people in Japan read it, whatever the device's time zone: 2026年11月28日 12:05. */
export const formatDateTime = (iso: string) => FORMAT.format(new Date(iso))
