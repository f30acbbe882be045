import type { DraftAnswers } from '@kakunin/schema/form/application-form'
import type { TransactionClient } from '../generated/prisma/internal/prismaNamespace.ts'
import { issueResumeToken, resumeLink } from '../resume/resume-tokens.ts'
import type { MailSettings } from './mail-plugin.ts'
import { enqueueEmail } from './outbox.ts'
import { approvedEmail, deniedEmail } from './templates.ts'

/**
 * 審査結果: 承認, or 否認 with what to correct and a fresh link back into the application — the same
 * email whether the provider or staff decided. Queued inside the deciding transaction.
 */
export async function queueVerdictEmail(
  tx: TransactionClient,
  mail: MailSettings & { resumeHours: number },
  application: { id: string; reference: string; answers: unknown },
  verdict: { approved: true } | { approved: false; hints: string[] },
  now: Date,
) {
  const login = (application.answers as DraftAnswers).login
  if (!login) return
  const recipient = { applicationId: application.id, to: login.loginEmail, fallbackTo: login.contactEmail }
  if (verdict.approved) {
    await enqueueEmail(tx, mail.fromAddress, { ...recipient, email: approvedEmail({ reference: application.reference, senderName: mail.senderName }) }, now)
    return
  }
  const { token, expiresAt } = await issueResumeToken(tx, application.id, mail.resumeHours, now)
  const email = deniedEmail({
    reference: application.reference,
    hints: verdict.hints,
    link: resumeLink(mail.linkBaseUrl, token),
    expiresAt,
    senderName: mail.senderName,
  })
  await enqueueEmail(tx, mail.fromAddress, { ...recipient, email }, now)
}
