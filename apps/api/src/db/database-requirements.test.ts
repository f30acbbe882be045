import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { dropDatabase } from './database.ts'
import { databaseWarnings, readDatabaseFacts, warnAboutDatabase } from './database-requirements.ts'

const maintenanceUrl = inject('maintenanceUrl')
const name = `kakunin_test_c_ctype_${Date.now()}`
afterAll(() => dropDatabase(maintenanceUrl, name))

function capturingLog() {
  const lines: string[] = []
  const log = { warn: (first: unknown, second?: unknown) => lines.push(typeof first === 'string' ? first : String(second)) }
  return { lines, log: log as unknown as Parameters<typeof warnAboutDatabase>[1] }
}

describe('the database check at start-up', () => {
  it('says nothing about the test database (UTF-8 ctype, pg_trgm installed by the migrations)', async () => {
    const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 })
    const facts = await readDatabaseFacts(pool)
    expect(facts).toMatchObject({ encoding: 'UTF8', ctype: expect.stringMatching(/UTF-?8/i), trigram: expect.any(String) })
    const { lines, log } = capturingLog()
    await warnAboutDatabase(pool, log)
    expect(lines).toEqual([])
    await pool.end()
  })

  it('warns, once, when LC_CTYPE is C (Japanese trigrams empty) and when pg_trgm is missing', async () => {
    const admin = new pg.Client({ connectionString: maintenanceUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`)
    await admin.end()
    const url = new URL(maintenanceUrl)
    url.pathname = `/${name}`
    const pool = new pg.Pool({ connectionString: url.toString(), max: 1 })
    const { lines, log } = capturingLog()
    await warnAboutDatabase(pool, log)
    await pool.end()
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^database: the database's LC_CTYPE is "C", not a UTF-8 locale: Japanese name searches cannot use their trigram index/)
    expect(lines[1]).toMatch(/pg_trgm extension is not installed/)
  })

  it('names an old server and a non-UTF-8 encoding', () => {
    const warnings = databaseWarnings({ serverVersion: 120015, encoding: 'SQL_ASCII', ctype: 'en_US.UTF-8', collate: 'C', trigram: '1.6' })
    expect(warnings).toEqual([expect.stringContaining('PostgreSQL 12 is older than the 13'), expect.stringContaining('encoding is SQL_ASCII')])
  })
})
