import { japanDate } from '@kakunin/schema/japan-time'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'

/** The calendar day in Japan, as YYYYMMDD: applicants and staff read reference numbers in JST. */
export const japanDayKey = (at: Date): string => japanDate(at).replaceAll('-', '')

/** `KYC-20261128-0001`; the sequence widens past 9999 rather than wrapping. */
export function formatReference(dayKey: string, sequence: number, prefix: 'KYC' | 'INQ' = 'KYC'): string {
  return `${prefix}-${dayKey}-${String(sequence).padStart(4, '0')}`
}

/**
 * The next reference number of the day (Japan time), inside the caller's transaction, so a
 * failed write uses none. Applications count under the bare day, inquiries under `INQ-day`.
 */
export async function nextReference(tx: TransactionClient, prefix: 'KYC' | 'INQ', now: Date): Promise<string> {
  const day = japanDayKey(now)
  const key = prefix === 'KYC' ? day : `${prefix}-${day}`
  // Upsert on a unique key runs as INSERT … ON CONFLICT: concurrent requests queue on the row.
  const counter = await tx.referenceCounter.upsert({ where: { day: key }, create: { day: key, last: 1 }, update: { last: { increment: 1 } } })
  return formatReference(day, counter.last, prefix)
}
