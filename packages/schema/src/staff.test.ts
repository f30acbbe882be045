import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { japanDate } from './japan-time.ts'
import { recordExportQuery } from './staff.ts'

const fieldsOf = (input: unknown) => {
  const parsed = recordExportQuery.safeParse(input)
  return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}
const iso = (day: Date) => day.toISOString().slice(0, 10)

describe('the audit export period', () => {
  it('is today in Japan, as JSON Lines, when nothing is given', () => {
    expect(recordExportQuery.parse({})).toEqual({ decidedFrom: japanDate(), decidedTo: japanDate(), format: 'jsonl' })
  })

  it('takes any period of real dates shorter than a year, and refuses one a year long or more', () => {
    const days = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 800 }), (start, length) => {
        const from = iso(start)
        const end = new Date(`${from}T00:00:00Z`)
        end.setUTCDate(end.getUTCDate() + length)
        const yearLater = new Date(`${from}T00:00:00Z`)
        yearLater.setUTCFullYear(yearLater.getUTCFullYear() + 1)
        const fields = fieldsOf({ decidedFrom: from, decidedTo: iso(end) })
        if (end < yearLater) expect(fields).toBeNull()
        else expect(fields).toEqual({ decidedTo: '期間は1年以内で指定してください' })
      }),
    )
  })

  it('refuses dates that do not exist, a period backwards, and unknown formats or fields, on the field concerned', () => {
    expect(fieldsOf({ decidedFrom: '2026-02-29', decidedTo: '2026-03-01' })).toEqual({ decidedFrom: '実在する日付を指定してください' })
    expect(fieldsOf({ decidedFrom: '2026-12-02', decidedTo: '2026-12-01' })).toEqual({ decidedTo: '終了日には開始日以降の日付を指定してください' })
    expect(Object.keys(fieldsOf({ decidedFrom: '2026/12/01' }) ?? {})).toEqual(['decidedFrom'])
    expect(Object.keys(fieldsOf({ format: 'xlsx' }) ?? {})).toEqual(['format'])
    expect(fieldsOf({ from: '2026-12-01' })).not.toBeNull()
  })
})
