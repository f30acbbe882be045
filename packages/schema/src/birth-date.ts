import { japanToday } from './japan-time.ts'
import { z } from './zod.ts'

/** 年/月/日 as typed, in 西暦. Digits may be full width; leading zeros are dropped. */
// A part only folds here: whether it is right is decided for the date as a whole (below), so that
// one field reports one problem, not three when it is left empty.
const part = z.string().check(z.normalize('NFKC'), z.trim())

const YEAR = /^\d{4}$/
const MONTH_OR_DAY = /^\d{1,2}$/

export const YEAR_MESSAGE = '年は西暦の4桁の数字で入力してください（例：1990）'
export const BIRTH_DATE_REQUIRED_MESSAGE = '生年月日を入力してください'

const PARTS = [
  { key: 'year', label: '年', pattern: YEAR, message: YEAR_MESSAGE },
  { key: 'month', label: '月', pattern: MONTH_OR_DAY, message: '月は1〜12の数字で入力してください' },
  { key: 'day', label: '日', pattern: MONTH_OR_DAY, message: '日は1〜31の数字で入力してください' },
] as const

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
  .strictObject({ year: part, month: part, day: part })
  .check(
    z.superRefine((value, ctx) => {
      const issue = (path: string[], message: string) => {
        ctx.issues.push({ code: 'custom', path, input: value, message })
      }
      if (!value.year && !value.month && !value.day) return issue([], BIRTH_DATE_REQUIRED_MESSAGE)
      // The first part that is wrong, on its own path (the error summary links to that input).
      const wrong = PARTS.find((p) => !p.pattern.test(value[p.key]))
      if (wrong) return issue([wrong.key], value[wrong.key] ? wrong.message : `${wrong.label}を入力してください`)
      const date = { year: Number(value.year), month: Number(value.month), day: Number(value.day) }
      if (!isRealDate(date.year, date.month, date.day)) issue([], '実在する日付を入力してください')
      else if (compare(date, japanToday()) > 0) issue([], '未来の日付は入力できません')
      else if (compare(date, EARLIEST) < 0) issue([], '1900年1月1日以降の日付を入力してください')
    }),
    z.overwrite((value) =>
      PARTS.every((p) => p.pattern.test(value[p.key]))
        ? { year: String(Number(value.year)), month: String(Number(value.month)), day: String(Number(value.day)) }
        : value,
    ),
  )

export function formatBirthDate(value: BirthDate): string {
  return `${value.year}年${value.month}月${value.day}日`
}
