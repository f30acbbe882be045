import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatJapanDate, japanDate, japanInstant, japanIsoTime } from '@kakunin/schema/japan-time'
import { japanTime } from '@kakunin/schema/verification-record'

describe('an instant in Japan time, as the 確認記録 writes it', () => {
  it('is the date people in Japan call it and the ISO time with +09:00', () => {
    expect(japanInstant('2026-12-01T01:00:00.000Z')).toEqual({ date: '2026年12月1日', at: '2026-12-01T10:00:00.000+09:00' })
    // 23:30 UTC on 30 November is already 1 December in Japan.
    expect(japanInstant(new Date('2026-11-30T23:30:00Z'))).toEqual({ date: '2026年12月1日', at: '2026-12-01T08:30:00.000+09:00' })
    expect(formatJapanDate('2026-12-31T15:00:00Z')).toBe('2027年1月1日')
  })

  it('names the same instant, on the same day as japanDate, whatever the instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (at) => {
        const instant = japanInstant(at)
        expect(new Date(instant.at).getTime()).toBe(at.getTime())
        expect(instant.at.slice(0, 10)).toBe(japanDate(at))
        expect(japanTime.parse(instant)).toEqual(instant)
      }),
    )
  })

  it('refuses what is not an instant', () => {
    expect(() => japanIsoTime('not a date')).toThrow(RangeError)
  })
})
