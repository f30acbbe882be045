import type pg from 'pg'
import { answerAt } from '@kakunin/schema/answer-path'
import type { ApplicantApplication } from '@kakunin/schema/application'

export type Denial = NonNullable<ApplicantApplication['denial']>

/**
 * What the latest denial asks the applicant to correct. Provider and staff denials both record
 * `denial` in their DECIDED event; only a DENIED application has one to show. The flagged fields'
 * values come from the submission that was denied (answers cannot change between the two), so the
 * correction screen can tell which of them the applicant has changed since.
 */
export async function latestDenial(pool: pg.Pool, applicationId: string): Promise<Denial | null> {
  const { rows } = await pool.query<{ denial: Omit<Denial, 'values'> | null; answers: unknown }>({
    name: 'latest-denial',
    text: `SELECT d.data->'denial' AS denial,
                  (SELECT s.data->'answers' FROM application_events s
                    WHERE s.application_id = d.application_id AND s.type = 'SUBMITTED' AND s.id < d.id
                    ORDER BY s.id DESC LIMIT 1) AS answers
             FROM application_events d
            WHERE d.application_id = $1 AND d.to_status = 'DENIED' ORDER BY d.id DESC LIMIT 1`,
    values: [applicationId],
  })
  const row = rows[0]
  if (!row?.denial) return null
  const values = Object.fromEntries(row.denial.fields.map((field) => [field, answerAt(row.answers, field)]))
  return { ...row.denial, values }
}
