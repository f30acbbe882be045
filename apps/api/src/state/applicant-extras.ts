import type pg from 'pg'
import type { ApplicantApplication, ApplicationStatus } from '@kakunin/schema/application'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import type { DraftAnswers } from '@kakunin/schema/form/application-form'
import { REVIEW_DOCUMENT_KINDS, requiredReviewDocuments, type ReviewDocumentKind } from '@kakunin/schema/high-risk'
import { maskEmail } from '#src/email/mask-email.ts'
import { latestDenial } from './denial.ts'

type Extras = Pick<ApplicantApplication, 'denial' | 'ownerConfirmation' | 'enhancedReview'>

/**
 * What the applicant's view adds to the row, by status: the denial to correct, the owner's
 * confirmation of a link, the documents of enhanced review. A draft needs none (no query).
 */
export async function applicantExtras(
  pool: pg.Pool,
  row: { id: string; flow: ApplicationFlow; status: ApplicationStatus; answers: DraftAnswers },
  now = new Date(),
): Promise<Extras> {
  const [denial, ownerConfirmation, enhancedReview] = await Promise.all([
    row.status === 'DENIED' ? latestDenial(pool, row.id) : null,
    row.flow === 'LINK_VERIFIED' && row.status !== 'DRAFT' ? latestOwnerConfirmation(pool, row.id, now) : null,
    row.status === 'ENHANCED_REVIEW' ? reviewDocuments(pool, row.id, row.answers) : null,
  ])
  return { denial, ownerConfirmation, enhancedReview }
}

async function latestOwnerConfirmation(pool: pg.Pool, applicationId: string, now: Date): Promise<Extras['ownerConfirmation']> {
  const { rows } = await pool.query<{ sent_to: string; expires_at: Date; decision: string | null }>({
    name: 'latest-owner-confirmation',
    text: `SELECT sent_to, expires_at, decision FROM owner_confirmations WHERE application_id = $1 ORDER BY created_at DESC LIMIT 1`,
    values: [applicationId],
  })
  const row = rows[0]
  if (!row) return null
  // A link spent because its submission ended (SUPERSEDED) reads, to the applicant, as one that expired.
  const decided = row.decision === 'SUPERSEDED' ? 'EXPIRED' : row.decision
  const status = (decided ?? (row.expires_at <= now ? 'EXPIRED' : 'PENDING')) as 'PENDING' | 'CONFIRMED' | 'DECLINED' | 'EXPIRED'
  return { sentTo: maskEmail(row.sent_to), expiresAt: row.expires_at.toISOString(), status }
}

async function reviewDocuments(pool: pg.Pool, applicationId: string, answers: DraftAnswers): Promise<Extras['enhancedReview']> {
  const { rows } = await pool.query<{ kind: string }>({
    name: 'review-document-kinds',
    text: `SELECT DISTINCT kind FROM review_documents WHERE application_id = $1`,
    values: [applicationId],
  })
  const uploaded = rows.map((row) => row.kind).filter((kind): kind is ReviewDocumentKind => (REVIEW_DOCUMENT_KINDS as readonly string[]).includes(kind))
  return { required: requiredReviewDocuments(answers), uploaded }
}
