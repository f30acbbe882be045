import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The one door, enforced: outside this folder no module writes an application's status or inserts
// an event. Events go through event-log.ts (checked against the catalogue); statuses through
// transition.ts; the applicant's two single-statement hot writes live here too.

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DOOR = path.join(SRC, 'state')

/** What writes a status or an event, in Prisma calls or in SQL. */
const WRITES: [string, RegExp][] = [
  ['an event inserted with Prisma', /\bapplicationEvent\s*\.\s*(create|createMany|createManyAndReturn|upsert|update|updateMany)\s*\(|\[\s*['"]applicationEvent['"]\s*\]/],
  ['an event created through its application', /\bevents\s*:\s*\{\s*(create|createMany)\b/],
  ['an event inserted in SQL', /\bINSERT\s+INTO\s+(?:"?public"?\.)?"?application_events"?/i],
  ['a status set in SQL', /\bUPDATE\s+(?:"?public"?\.)?"?applications"?\b[^;]*?\bSET\b[^;]*?"?\bstatus"?\s*=/i],
  ['a status written with Prisma', /\bapplication\s*\.\s*(create|createMany|update|updateMany|upsert)\s*\(\s*\{[^;]*?\bdata\s*:\s*\{[^;]*?\bstatus\s*:/],
]

/** The rules above, applied to one source text: what it writes that only the door may. */
export function doorViolations(source: string): string[] {
  return WRITES.filter(([, pattern]) => pattern.test(source)).map(([what]) => what)
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'test' ? [] : sourceFiles(full)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : []
  })
}

describe('one door for state', () => {
  it('no module outside state/ writes applications.status or inserts into application_events', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !file.startsWith(`${DOOR}${path.sep}`))
      .flatMap((file) => doorViolations(fs.readFileSync(file, 'utf8')).map((what) => `${path.relative(SRC, file)}: ${what}`))
    expect(offenders).toEqual([])
  })

  it('recognises each way of writing them (so the check above can fail)', () => {
    expect(doorViolations(`await tx.applicationEvent.create({ data })`)).toEqual(['an event inserted with Prisma'])
    expect(doorViolations(`tx.application.create({ data: { events: { create: { type: 'X' } } } })`)).toEqual(['an event created through its application'])
    expect(doorViolations(`text: 'INSERT INTO application_events (type) VALUES ($1)'`)).toEqual(['an event inserted in SQL'])
    expect(doorViolations(`UPDATE applications a SET version = 2, status = 'APPROVED' WHERE id = $1`)).toEqual(['a status set in SQL'])
    expect(doorViolations(`UPDATE public.applications SET "status" = 'APPROVED'`)).toEqual(['a status set in SQL'])
    expect(doorViolations(`INSERT INTO public.application_events (type) VALUES ($1)`)).toEqual(['an event inserted in SQL'])
    expect(doorViolations(`tx['applicationEvent'].create({ data })`)).toEqual(['an event inserted with Prisma'])
    expect(doorViolations(`prisma.application.updateMany({ where: { id }, data: { version: 2, status: 'APPROVED' } })`)).toEqual(['a status written with Prisma'])
    expect(doorViolations(`prisma.application.findMany({ where: { status: 'APPROVED' } })`)).toEqual([])
  })

  it('finds the door itself writing both (the check looks where writes are)', () => {
    const door = sourceFiles(DOOR).map((file) => fs.readFileSync(file, 'utf8')).join('\n')
    expect(doorViolations(door)).toEqual(expect.arrayContaining(['an event inserted with Prisma', 'an event inserted in SQL', 'a status set in SQL', 'a status written with Prisma']))
  })
})
