import { afterEach, describe, expect, it, vi } from 'vitest'
import { ageOn, birthDate, formatBirthDate } from './birth-date.ts'
import { japanToday } from './japan-time.ts'
import { birthDateForAge as birthDateAged } from '@kakunin/test-data/birth-date'
import { issuesOf, toFullWidth } from '@kakunin/test-data/schema-checks'

const NOT_REAL = '実在する日付を入力してください'
const FUTURE = '未来の日付は入力できません'
const TOO_EARLY = '1900年1月1日以降の日付を入力してください'

/** The day `days` away from today in Japan, as typed. */
function dayFromToday(days: number) {
  const today = japanToday()
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + days))
  return { year: String(date.getUTCFullYear()), month: String(date.getUTCMonth() + 1), day: String(date.getUTCDate()) }
}

describe('birthDate', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('accepts a valid date as it is', () => {
    expect(birthDate.parse({ year: '1990', month: '4', day: '1' })).toEqual({ year: '1990', month: '4', day: '1' })
  })

  it('drops leading zeros', () => {
    expect(birthDate.parse({ year: '1990', month: '04', day: '01' })).toEqual({ year: '1990', month: '4', day: '1' })
  })

  it('folds full-width digits and trims spaces', () => {
    expect(birthDate.parse({ year: toFullWidth('1990'), month: '１２', day: ' ３１\u3000' })).toEqual({
      year: '1990',
      month: '12',
      day: '31',
    })
  })

  it.each([
    ['29 February of a leap year', { year: '2000', month: '2', day: '29' }],
    ['29 February 2024', { year: '2024', month: '2', day: '29' }],
    ['the earliest accepted day', { year: '1900', month: '1', day: '1' }],
    ['31 December', { year: '1999', month: '12', day: '31' }],
  ])('accepts %s', (_, value) => {
    expect(birthDate.parse(value)).toEqual(value)
  })

  it('accepts today in Japan', () => {
    expect(birthDate.parse(dayFromToday(0))).toEqual(dayFromToday(0))
  })

  it.each([
    ['30 February', { year: '2000', month: '2', day: '30' }],
    ['29 February of a common year', { year: '2023', month: '2', day: '29' }],
    ['29 February 1900, which was not a leap year', { year: '1900', month: '2', day: '29' }],
    ['31 April', { year: '1990', month: '4', day: '31' }],
    ['month 13', { year: '1990', month: '13', day: '1' }],
    ['month 0', { year: '1990', month: '0', day: '1' }],
    ['day 0', { year: '1990', month: '1', day: '0' }],
    ['day 32', { year: '1990', month: '1', day: '32' }],
  ])('rejects %s as a date that does not exist, on the whole date', (_, value) => {
    expect(issuesOf(birthDate, value)).toEqual([{ path: [], message: NOT_REAL }])
  })

  it('rejects tomorrow and next year as future dates', () => {
    expect(issuesOf(birthDate, dayFromToday(1))).toEqual([{ path: [], message: FUTURE }])
    const nextYear = String(japanToday().year + 1)
    expect(issuesOf(birthDate, { year: nextYear, month: '1', day: '1' })).toEqual([{ path: [], message: FUTURE }])
  })

  it('decides what is in the future by the date in Japan, not UTC', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    // 00:30 on 1 April 2025 in Tokyo, still 31 March in UTC.
    vi.setSystemTime(new Date('2025-03-31T15:30:00Z'))
    expect(birthDate.parse({ year: '2025', month: '4', day: '1' })).toEqual({ year: '2025', month: '4', day: '1' })
    expect(issuesOf(birthDate, { year: '2025', month: '4', day: '2' })).toEqual([{ path: [], message: FUTURE }])
  })

  it.each([
    ['31 December 1899', { year: '1899', month: '12', day: '31' }],
    ['1800', { year: '1800', month: '6', day: '15' }],
  ])('rejects %s as before 1900', (_, value) => {
    expect(issuesOf(birthDate, value)).toEqual([{ path: [], message: TOO_EARLY }])
  })

  it.each([
    ['year', { year: '平成2', month: '1', day: '1' }, '年は西暦の4桁の数字で入力してください（例：1990）'],
    ['year', { year: '19９O', month: '1', day: '1' }, '年は西暦の4桁の数字で入力してください（例：1990）'],
    ['month', { year: '1990', month: '四', day: '1' }, '月は1〜12の数字で入力してください'],
    ['day', { year: '1990', month: '4', day: '1日' }, '日は1〜31の数字で入力してください'],
    ['day', { year: '1990', month: '4', day: '-1' }, '日は1〜31の数字で入力してください'],
  ] as const)('rejects a %s that is not digits, on that part', (part, value, message) => {
    expect(issuesOf(birthDate, value)).toContainEqual({ path: [part], message })
  })

  it.each([
    ['year', '年を入力してください'],
    ['month', '月を入力してください'],
    ['day', '日を入力してください'],
  ] as const)('asks for an empty %s first', (part, message) => {
    const value = { year: '1990', month: '4', day: '1', [part]: ' ' }
    expect(issuesOf(birthDate, value)[0]).toEqual({ path: [part], message })
  })

  it('reports a missing part on its path', () => {
    expect(issuesOf(birthDate, { year: '1990', month: '4' })).toEqual([{ path: ['day'], message: '入力してください' }])
  })

  it('asks for a missing date', () => {
    expect(issuesOf(birthDate, undefined)).toEqual([{ path: [], message: '入力してください' }])
  })

  it('rejects numbers instead of the typed text', () => {
    expect(issuesOf(birthDate, { year: 1990, month: '4', day: '1' })).toEqual([
      { path: ['year'], message: '文字列で入力してください' },
    ])
  })

  it('rejects keys it does not declare', () => {
    expect(issuesOf(birthDate, { year: '1990', month: '4', day: '1', era: 'heisei' })).toEqual([
      { path: [], message: '入力できない項目が含まれています: era' },
    ])
  })
})

describe('japanToday', () => {
  it('gives the calendar date in Japan', () => {
    expect(japanToday(new Date('2024-12-31T14:59:59Z'))).toEqual({ year: 2024, month: 12, day: 31 })
    expect(japanToday(new Date('2024-12-31T15:00:00Z'))).toEqual({ year: 2025, month: 1, day: 1 })
  })
})

describe('ageOn', () => {
  const born = { year: '2000', month: '4', day: '1' }

  it('counts a year more on the birthday itself', () => {
    expect(ageOn(born, { year: 2020, month: 4, day: 1 })).toBe(20)
  })

  it('counts a year less on the day before the birthday', () => {
    expect(ageOn(born, { year: 2020, month: 3, day: 31 })).toBe(19)
  })

  it('keeps the age after the birthday and across a new year', () => {
    expect(ageOn(born, { year: 2020, month: 4, day: 2 })).toBe(20)
    expect(ageOn(born, { year: 2021, month: 1, day: 1 })).toBe(20)
  })

  it('is zero on the day of birth', () => {
    expect(ageOn(born, { year: 2000, month: 4, day: 1 })).toBe(0)
  })

  it('reads parts that still have leading zeros', () => {
    expect(ageOn({ year: '2000', month: '04', day: '01' }, { year: 2018, month: 4, day: 1 })).toBe(18)
  })

  describe('for a birthday on 29 February', () => {
    const leapling = { year: '2004', month: '2', day: '29' }

    it('counts the year from 1 March in a common year', () => {
      expect(ageOn(leapling, { year: 2022, month: 2, day: 28 })).toBe(17)
      expect(ageOn(leapling, { year: 2022, month: 3, day: 1 })).toBe(18)
    })

    it('counts the year on 29 February in a leap year', () => {
      expect(ageOn(leapling, { year: 2024, month: 2, day: 28 })).toBe(19)
      expect(ageOn(leapling, { year: 2024, month: 2, day: 29 })).toBe(20)
    })
  })

  it('uses today in Japan by default', () => {
    expect(ageOn(birthDateAged(30))).toBe(30)
    expect(ageOn(birthDateAged(17))).toBe(17)
  })
})

describe('formatBirthDate', () => {
  it('writes the date with 年月日', () => {
    expect(formatBirthDate({ year: '1990', month: '4', day: '1' })).toBe('1990年4月1日')
  })
})

describe('birth date messages', () => {
  it('explain the 西暦 year format for a year of the wrong length', () => {
    expect(issuesOf(birthDate, { year: '199', month: '1', day: '1' })).toEqual([
      { path: ['year'], message: '年は西暦の4桁の数字で入力してください（例：1990）' },
    ])
  })

  it('report an empty date once, not once per part', () => {
    expect(issuesOf(birthDate, { year: '', month: '', day: '' })).toEqual([{ path: [], message: '生年月日を入力してください' }])
  })

  it('report only the first wrong part, once', () => {
    expect(issuesOf(birthDate, { year: '19', month: '', day: 'x' })).toEqual([{ path: ['year'], message: '年は西暦の4桁の数字で入力してください（例：1990）' }])
    expect(issuesOf(birthDate, { year: '1990', month: '13x', day: '' })).toEqual([{ path: ['month'], message: '月は1〜12の数字で入力してください' }])
  })

  it('report a missing part alone, not also the date as a whole', () => {
    expect(issuesOf(birthDate, { year: '1990', month: '', day: '1' })).toEqual([{ path: ['month'], message: '月を入力してください' }])
  })
})
