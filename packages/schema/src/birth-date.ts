import { japanToday } from './japan-time.ts'
import { z } from './zod.ts'

/** 年/月/日 as typed, in 西暦. Digits may be full width; leading zeros are dropped. */
const part = (label: string, pattern: RegExp, message: string) =>
  z.string().check(
    z.normalize('NFKC'),
    z.trim(),
    // abort: a part that fails is reported once, and is not rewritten into a number after all.
    z.minLength(1, { error: `${label}を入力してください`, abort: true }),
    z.regex(pattern, { error: message, abort: true }),
    z.overwrite((value) => String(Number(value))),
  )

const YEAR = /^\d{4}$/
const MONTH_OR_DAY = /^\d{1,2}$/

export const YEAR_MESSAGE = '年は西暦の4桁の数字で入力してください（例: 1990）'

const EARLIEST = { year: 1900, month: 1, day: 1 }

export interface BirthDate {
  year: string
  month: string
  day: string
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const compare = (a: { year: number; month: number; day: number }, b: typeof a) =>
  a.year - b.year || a.month - b.month || a.day - b.day

/** Completed years of age on `today` (a birthday on 29 February counts from 1 March in other years). */
export function ageOn(birth: BirthDate, today = japanToday()): number {
  const b = { year: Number(birth.year), month: Number(birth.month), day: Number(birth.day) }
  const age = today.year - b.year
  return compare({ ...today, year: b.year }, b) >= 0 ? age : age - 1
}

export const birthDate = z
  .strictObject({
    year: part('年', YEAR, YEAR_MESSAGE),
    month: part('月', MONTH_OR_DAY, '月は1〜12の数字で入力してください'),
    day: part('日', MONTH_OR_DAY, '日は1〜31の数字で入力してください'),
  })
  .check(
    z.superRefine((value, ctx) => {
      // A part that failed its own check has been reported already; the date as a whole is unknown.
      if (!(YEAR.test(value.year) && MONTH_OR_DAY.test(value.month) && MONTH_OR_DAY.test(value.day))) return
      const date = { year: Number(value.year), month: Number(value.month), day: Number(value.day) }
      if (!isRealDate(date.year, date.month, date.day)) {
        ctx.issues.push({ code: 'custom', path: [], input: value, message: '実在する日付を入力してください' })
      } else if (compare(date, japanToday()) > 0) {
        ctx.issues.push({ code: 'custom', path: [], input: value, message: '未来の日付は入力できません' })
      } else if (compare(date, EARLIEST) < 0) {
        ctx.issues.push({ code: 'custom', path: [], input: value, message: '1900年1月1日以降の日付を入力してください' })
      }
    }),
  )

export function formatBirthDate(value: BirthDate): string {
  return `${value.year}年${value.month}月${value.day}日`
}
