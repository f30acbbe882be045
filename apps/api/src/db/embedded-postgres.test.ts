import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from './database.ts'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-embedded-test-'))
fs.chmodSync(dataDir, 0o755)
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

describe('the embedded PostgreSQL', () => {
  it('is created on first start, keeps its data across restarts, and lets a second process attach', async () => {
    const first = await openDatabase({ DATA_DIR: dataDir })
    expect(first.embedded).toBe(true)
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true)
    await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')`)

    // A second process (say `pnpm db:status` while the server runs) attaches instead of failing.
    const attached = await openDatabase({ DATA_DIR: dataDir })
    expect(attached.url).toBe(first.url)
    await attached.stop()
    expect(await query(first.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }])

    await first.stop()
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false)

    const again = await openDatabase({ DATA_DIR: dataDir })
    try {
      expect(await query(again.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }])
    } finally {
      await again.stop()
    }
  })

  it('is not started when DATABASE_URL is set', async () => {
    const database = await openDatabase({ DATABASE_URL: 'postgresql://u:p@db.example:5432/kakunin', DATA_DIR: '/nonexistent' })
    expect(database).toMatchObject({ url: 'postgresql://u:p@db.example:5432/kakunin', embedded: false })
  })
})
