import { describe, expect, it } from 'vitest'
import { formatReference, japanDayKey } from './reference-number.ts'

describe('reference numbers', () => {
  it('use the calendar day in Japan, which starts at 15:00 UTC', () => {
    expect(japanDayKey(new Date('2026-11-28T14:59:59.999Z'))).toBe('20261128')
    expect(japanDayKey(new Date('2026-11-28T15:00:00.000Z'))).toBe('20261129')
    expect(japanDayKey(new Date('2026-12-31T15:00:00.000Z'))).toBe('20270101')
  })

  it('pad the sequence to four digits and widen past 9999', () => {
    expect(formatReference('20261128', 1)).toBe('KYC-20261128-0001')
    expect(formatReference('20261128', 9999)).toBe('KYC-20261128-9999')
    expect(formatReference('20261128', 10000)).toBe('KYC-20261128-10000')
  })
})
