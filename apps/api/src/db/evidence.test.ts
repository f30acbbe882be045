import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

// The 確認記録 must survive any code path: the database itself refuses to rewrite or delete them.
let client: pg.Client
let applicationId: string
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') })
  await client.connect()
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO applications (id, reference, flow, updated_at) VALUES (gen_random_uuid(), 'KYC-19990101-0001', 'FIRST_TIME', now()) RETURNING id`,
  )
  applicationId = rows[0]!.id
  await client.query(
    `INSERT INTO application_events (application_id, type, actor_type, to_status) VALUES ($1, 'CREATED', 'SYSTEM', 'DRAFT')`,
    [applicationId],
  )
})
afterAll(() => client.end())

describe('verification records are evidence', () => {
  it.each([
    ['rewriting an event', `UPDATE application_events SET type = 'FORGED' WHERE application_id = $1`],
    ['deleting an event', `DELETE FROM application_events WHERE application_id = $1`],
    ['deleting an application', `DELETE FROM applications WHERE id = $1`],
  ])('refuses %s', async (_, sql) => {
    await expect(client.query(sql, [applicationId])).rejects.toThrow(/not allowed: verification records are kept/)
  })

  it.each(['applications', 'application_events'])('refuses to truncate %s', async (table) => {
    await expect(client.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/not allowed/)
  })

  it('still lets an application change state (its history lives in events)', async () => {
    const result = await client.query(`UPDATE applications SET status = 'SUBMITTED', version = version + 1 WHERE id = $1`, [
      applicationId,
    ])
    expect(result.rowCount).toBe(1)
  })
})
