import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { RETURNED } from '#src/state/application-row.ts'

// The hot path's hand-written SQL names columns that schema.prisma owns. This check reads both:
// a rename in schema.prisma (or a typo in the SQL) fails here, not at run time in production.

const here = path.dirname(fileURLToPath(import.meta.url))
const schema = fs.readFileSync(path.resolve(here, '../../../../prisma/schema.prisma'), 'utf8')
const SQL_FILES = ['application-sql.ts', '../state/application-row.ts', '../state/applicant-writes.ts', '../state/denial.ts', '../state/applicant-extras.ts'].map((file) => fs.readFileSync(path.resolve(here, file), 'utf8'))

/** Each model's table and its scalar fields with their column names (`@map`, else the field name). */
function tables(): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>()
  for (const [, body] of schema.matchAll(/^model \w+ \{([\s\S]*?)^\}/gm)) {
    const table = body!.match(/@@map\("(\w+)"\)/)?.[1]
    if (!table) continue
    const fields = new Map<string, string>()
    for (const line of body!.split('\n')) {
      const field = line.match(/^\s+(\w+)\s+(String|Int|BigInt|Boolean|DateTime|Json|Bytes|Application\w+|ActorType|Verification\w+|EmailStatus)\??\b(.*)$/)
      if (field) fields.set(field[1]!, field[3]!.match(/@map\("(\w+)"\)/)?.[1] ?? field[1]!)
    }
    result.set(table, fields)
  }
  return result
}

const columnsOf = (table: string) => new Set(tables().get(table)?.values() ?? [])

describe('the hot path SQL against schema.prisma', () => {
  it('reads the applications columns under the names of Prisma\'s fields', () => {
    const fields = tables().get('applications')!
    for (const item of RETURNED.split(',').map((part) => part.trim())) {
      const [column, alias] = item.split(/\s+AS\s+/i).map((part) => part.replace(/"/g, ''))
      const field = alias ?? column!
      expect(fields.get(field), `${item}: field ${field}`).toBe(column)
    }
  })

  it('writes and filters only columns the tables have', () => {
    const problems: string[] = []
    for (const sql of SQL_FILES) {
      for (const [, table, list] of sql.matchAll(/INSERT INTO (\w+) \(([^)]*)\)/g)) {
        for (const column of list!.split(',').map((c) => c.trim().replace(/"/g, ''))) if (!columnsOf(table!).has(column)) problems.push(`${table}.${column}`)
      }
      for (const [, set] of sql.matchAll(/UPDATE applications a\s+SET([\s\S]*?)(?:FROM|WHERE)/g)) {
        for (const [, column] of set!.matchAll(/(\w+) = /g)) if (!columnsOf('applications').has(column!)) problems.push(`applications.${column}`)
      }
      for (const [, table, alias] of sql.matchAll(/FROM (\w+) (\w+)\b/g)) {
        for (const [, column] of sql.matchAll(new RegExp(`\\b${alias}\\.(\\w+)`, 'g'))) {
          if (tables().has(table!) && !columnsOf(table!).has(column!) && column !== '*') problems.push(`${table}.${column}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('would notice a renamed column', () => {
    expect(columnsOf('applications').has('resume_at')).toBe(true)
    expect(columnsOf('applications').has('resume_point')).toBe(false)
  })
})
