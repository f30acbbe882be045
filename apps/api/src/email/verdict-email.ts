import type { ApplicationStatus } from '@kakunin/schema/application'
import type { DraftAnswers } from '@kakunin/schema/form/application-form'
import { REVIEW_DOCUMENT_LABELS, requiredReviewDocuments } from '@kakunin/schema/high-risk'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { issueResumeToken, resumeLink } from '#src/applicant-session/resume-tokens.ts'
import type { MailSettings } from './mail-plugin.ts'
import { enqueueEmail } from './outbox.ts'
import { addresseeOf, approvedEmail, deniedEmail, enhancedReviewEmail, linkedApprovedEmail } from './templates.ts'

export type VerdictMailSettings = MailSettings & { resumeHours: number }

/**
 * 審査結果: 承認; 追加書類のお願い (enhanced review, with a link back to upload them); or 否認 with
 * what to correct and a fresh link back into the application. The same email whoever decided;
 * queued inside the deciding transaction by the transition module.
 */
export async function queueVerdictEmail(
  tx: TransactionClient,
  mail: VerdictMailSettings,
  application: { id: string; reference: string; flow: string; answers: DraftAnswers },
  status: ApplicationStatus,
  hints: string[],
  now: Date,
) {
  const login = application.answers.login
  if (!login) return
  const recipient = { applicationId: application.id, to: login.loginEmail, fallbackTo: login.contactEmail }
  const { reference } = application
  const addressed = { addressee: addresseeOf(application.answers.user), signature: mail.signature }
  if (status === 'APPROVED') {
    const email =
      application.flow === 'LINK_VERIFIED' && login.verifiedAccountSid
        ? linkedApprovedEmail({ reference, accountSid: login.accountSid, verifiedAccountSid: login.verifiedAccountSid, ...addressed })
        : approvedEmail({ reference, accountSid: login.accountSid, ...addressed })
    await enqueueEmail(tx, mail.fromAddress, { ...recipient, email }, now)
    return
  }
  if (status !== 'DENIED' && status !== 'ENHANCED_REVIEW') return
  const { token, expiresAt } = await issueResumeToken(tx, application.id, mail.resumeHours, now)
  const link = resumeLink(mail.linkBaseUrl, token)
  const email =
    status === 'DENIED'
      ? deniedEmail({ reference, hints, link, expiresAt, ...addressed })
      : enhancedReviewEmail({ reference, documents: requiredReviewDocuments(application.answers).map((kind) => REVIEW_DOCUMENT_LABELS[kind]), link, expiresAt, ...addressed })
  await enqueueEmail(tx, mail.fromAddress, { ...recipient, email }, now)
}
