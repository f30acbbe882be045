import type { FastifyReply } from 'fastify'
import type { DraftAnswers } from '@kakunin/schema/form/application-form'
import type { Prisma } from '../db/prisma-plugin.ts'
import type { MailSettings } from '../email/mail-plugin.ts'
import { enqueueEmail } from '../email/outbox.ts'
import { draftSavedEmail } from '../email/templates.ts'
import { hashSessionToken } from '../applicant-session/session-token.ts'
import { conflict, notFound } from '../http/api-error.ts'
import type { Application } from '../generated/prisma/client.ts'
import { issueResumeToken, resumeLink } from './resume-tokens.ts'
import { maskEmail } from '../email/mask-email.ts'
import { recordEvent } from '../state/event-log.ts'
import { RESUMABLE_STATUSES } from '@kakunin/schema/status-machine'

export const INVALID_LINK_MESSAGE =
  'このリンクは無効か、有効期限が切れているか、すでに使用されています。新しいリンクをお送りすることができます。'


/**
 * 下書きを保存し、あとで…: emails a resume link to the Twilioコンソールログイン用メールアドレス.
 * The link, the mail and the event are written together.
 */
export async function sendDraftLink(prisma: Prisma, mail: MailSettings, applicationId: string, hours: number, now: Date) {
  const application = await prisma.application.findUnique({ where: { id: applicationId } })
  if (!application) throw notFound('お申し込みが見つかりません')
  const login = (application.answers as DraftAnswers).login
  if (!login) throw conflict('「Twilioログイン情報」でメールアドレスを入力すると、下書きのリンクをお送りできます。')
  if (!RESUMABLE_STATUSES.includes(application.status)) throw conflict('このお申し込みは、これ以上の入力を必要としていません。')
  await queueResumeMail(prisma, mail, application, login, hours, now, 'DRAFT_LINK_SENT')
  return { sentTo: maskEmail(login.loginEmail) }
}

async function queueResumeMail(
  prisma: Prisma,
  mail: MailSettings,
  application: Application,
  login: NonNullable<DraftAnswers['login']>,
  hours: number,
  now: Date,
  eventType: 'DRAFT_LINK_SENT' | 'RESUME_LINK_RENEWED',
) {
  await prisma.$transaction(async (tx) => {
    const { token, expiresAt } = await issueResumeToken(tx, application.id, hours, now)
    const email = draftSavedEmail({ reference: application.reference, link: resumeLink(mail.linkBaseUrl, token), expiresAt, senderName: mail.senderName })
    await enqueueEmail(tx, mail.fromAddress, { applicationId: application.id, to: login.loginEmail, fallbackTo: login.contactEmail, email }, now)
    await recordEvent(tx, application.id, { type: eventType, actorType: 'APPLICANT', actorId: null, data: { to: login.loginEmail, expiresAt } }, now)
  })
}

/**
 * Opens a resume link: marks it used and gives this browser a session for the application. Every
 * failure (unknown, used, expired, malformed) is the same 404, so the answer reveals nothing.
 */
export async function redeemResumeToken(prisma: Prisma, reply: FastifyReply, token: string, now: Date) {
  const tokenHash = hashSessionToken(token)
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.resumeToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
    if (claimed.count === 0) throw notFound(INVALID_LINK_MESSAGE)
    const { application } = await tx.resumeToken.findUniqueOrThrow({ where: { tokenHash }, include: { application: true } })
    await reply.startApplicantSession(tx, application.id, now)
    await recordEvent(tx, application.id, { type: 'RESUMED_FROM_LINK', actorType: 'APPLICANT', actorId: null, data: {} }, now)
    return { status: application.status, resumeAt: application.resumeAt }
  })
}

/**
 * From a used or expired link's page: send a fresh link to the same address. Answers the same
 * whatever the token, so it cannot be used to probe for applications or addresses.
 */
export async function renewResumeLink(prisma: Prisma, mail: MailSettings, token: string, hours: number, now: Date) {
  const known = await prisma.resumeToken.findUnique({ where: { tokenHash: hashSessionToken(token) }, include: { application: true } })
  const login = known ? (known.application.answers as DraftAnswers).login : undefined
  if (known && login && RESUMABLE_STATUSES.includes(known.application.status)) {
    await queueResumeMail(prisma, mail, known.application, login, hours, now, 'RESUME_LINK_RENEWED')
  }
}
