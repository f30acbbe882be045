import type pg from 'pg'
import type { ApplicantApplication } from '@kakunin/schema/application'

export type Denial = NonNullable<ApplicantApplication['denial']>

/**
 * What the latest denial asks the applicant to correct. Provider and staff denials both record
 * `denial` in their DECIDED event; only a DENIED application has one to show.
 */
export async function latestDenial(pool: pg.Pool, applicationId: string): Promise<Denial | null> {
  const { rows } = await pool.query<{ denial: Denial | null }>({
    name: 'latest-denial',
    text: `SELECT data->'denial' AS denial FROM application_events
            WHERE application_id = $1 AND to_status = 'DENIED' ORDER BY id DESC LIMIT 1`,
    values: [applicationId],
  })
  return rows[0]?.denial ?? null
}
