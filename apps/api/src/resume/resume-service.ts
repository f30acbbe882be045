import type { DraftAnswers } from '@kakunin/schema/form/application-form'
import { RESUMABLE_STATUSES } from '@kakunin/schema/status-machine'
import { openOnlyApplicantSession } from '#src/applicant-session/open-session.ts'
import { hashSessionToken } from '#src/applicant-session/session-token.ts'
import type { AppDeps } from '#src/deps.ts'
import { maskEmail } from '#src/email/mask-email.ts'
import { enqueueEmail } from '#src/email/outbox.ts'
import { addresseeOf, draftSavedEmail } from '#src/email/templates.ts'
import type { Application } from '#src/generated/prisma/client.ts'
import { conflict, notFound } from '#src/http/api-error.ts'
import { RateLimitedError, waitInWords } from '#src/http/rate-limit/enforce-limit.ts'
import { emailOverLimit } from '#src/http/rate-limit/email-limits.ts'
import { answersOf } from '#src/state/approval-evidence.ts'
import { recordEvent } from '#src/state/event-log.ts'
import { issueResumeToken, resumeLink } from '#src/applicant-session/resume-tokens.ts'

export const INVALID_LINK_MESSAGE =
  'このリンクは無効か、有効期限が切れているか、すでに使用されています。新しいリンクをお送りすることができます。'

type Deps = Pick<AppDeps, 'prisma' | 'pool' | 'mail' | 'clock' | 'settings'>

/**
 * 下書きを保存し、あとで…: emails a resume link to the Twilioコンソールログイン用メールアドレス.
 * The link, the mail and the event are written together.
 */
export async function sendDraftLink(deps: Deps, applicationId: string) {
  const application = await deps.prisma.application.findUnique({ where: { id: applicationId } })
  if (!application) throw notFound('お申し込みが見つかりません')
  const login = answersOf(application).login
  if (!login) throw conflict('「Twilioログイン情報」でメールアドレスを入力すると、下書きのリンクをお送りできます。')
  if (!RESUMABLE_STATUSES.includes(application.status)) throw conflict('このお申し込みは、これ以上の入力を必要としていません。')
  const wait = await resumeMailOverLimit(deps, application, login)
  if (wait !== null) {
    throw new RateLimitedError(
      wait,
      `短い時間に続けてリンクをお送りしたため、いまはメールをお送りできません。保存済みの入力内容はそのまま残っています。${waitInWords(wait)}後に、もう一度「下書き保存」を押してください。`,
    )
  }
  await queueResumeMail(deps, application, login, 'DRAFT_LINK_SENT')
  return { sentTo: maskEmail(login.loginEmail) }
}

/** Resume links (sent or renewed) count per application and per address they go to, fallback included. */
const resumeMailOverLimit = (deps: Deps, application: Application, login: NonNullable<DraftAnswers['login']>) =>
  emailOverLimit(deps, deps.settings.rateLimits.draftLinkEmail, { applicationId: application.id, recipients: [login.loginEmail, login.contactEmail] })

async function queueResumeMail(deps: Deps, application: Application, login: NonNullable<DraftAnswers['login']>, eventType: 'DRAFT_LINK_SENT' | 'RESUME_LINK_RENEWED') {
  const { mail } = deps
  const now = deps.clock()
  await deps.prisma.$transaction(async (tx) => {
    const { token, expiresAt } = await issueResumeToken(tx, application.id, deps.settings.resumeHours, now)
    const email = draftSavedEmail({
      reference: application.reference,
      link: resumeLink(mail.linkBaseUrl, token),
      expiresAt,
      addressee: addresseeOf(answersOf(application).user),
      signature: mail.signature,
    })
    await enqueueEmail(tx, mail.fromAddress, { applicationId: application.id, to: login.loginEmail, fallbackTo: login.contactEmail, email }, now)
    await recordEvent(tx, application.id, { type: eventType, actorType: 'APPLICANT', actorId: null, data: { to: login.loginEmail, expiresAt } }, now)
  })
}

/**
 * What a resume link would continue, without using it: the page shows whose application it is
 * before the person takes it over (a link planted by someone else is then recognisable). Unknown,
 * used and expired links are the same 404 as when redeeming.
 */
export async function previewResumeToken(deps: Deps, token: string) {
  const found = await deps.prisma.resumeToken.findFirst({
    where: { tokenHash: hashSessionToken(token), usedAt: null, expiresAt: { gt: deps.clock() } },
    include: { application: true },
  })
  if (!found) throw notFound(INVALID_LINK_MESSAGE)
  const { application } = found
  const login = answersOf(application).login
  return { sentTo: login ? maskEmail(login.loginEmail) : null, reference: application.reference, status: application.status }
}

/**
 * Opens a resume link: marks it used and opens a session for the application (the route gives it
 * to the browser); the application's other sessions end, so only this browser holds it. Every
 * failure (unknown, used, expired, malformed) is the same 404, so the answer reveals nothing.
 */
export async function redeemResumeToken(deps: Deps, token: string) {
  const tokenHash = hashSessionToken(token)
  const now = deps.clock()
  return deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.resumeToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
    if (claimed.count === 0) throw notFound(INVALID_LINK_MESSAGE)
    const { application } = await tx.resumeToken.findUniqueOrThrow({ where: { tokenHash }, include: { application: true } })
    const session = await openOnlyApplicantSession(tx, application.id, now, deps.settings.sessionMaxHours)
    await recordEvent(tx, application.id, { type: 'RESUMED_FROM_LINK', actorType: 'APPLICANT', actorId: null, data: {} }, now)
    return { status: application.status, resumeAt: application.resumeAt, session }
  })
}

/**
 * From a used or expired link's page: send a fresh link to the same address. Answers the same
 * whatever the token, so it cannot be used to probe for applications or addresses.
 */
export async function renewResumeLink(deps: Deps, token: string) {
  const known = await deps.prisma.resumeToken.findUnique({ where: { tokenHash: hashSessionToken(token) }, include: { application: true } })
  const login = known ? answersOf(known.application).login : undefined
  // Over the email limit nothing is sent, and the answer stays the same: a 429 would say the link is real.
  if (known && login && RESUMABLE_STATUSES.includes(known.application.status) && (await resumeMailOverLimit(deps, known.application, login)) === null) {
    await queueResumeMail(deps, known.application, login, 'RESUME_LINK_RENEWED')
  }
}
