import { hashSessionToken, newExpiringToken } from '#src/applicant-session/session-token.ts'
import { enqueueEmail } from '#src/email/outbox.ts'
import { addresseeOf, linkRequestedEmail, ownerConfirmationEmail } from '#src/email/templates.ts'
import { maskEmail } from '#src/email/mask-email.ts'
import type { Application } from '#src/generated/prisma/client.ts'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { ApiError, notFound } from '#src/http/api-error.ts'
import { answersOf, type VerifiedRoot } from '#src/state/approval-evidence.ts'
import { recordEvent } from '#src/state/event-log.ts'
import { changeStatus, type StateDeps } from '#src/state/transition.ts'
import type { AppDeps } from '#src/deps.ts'

// 2回目以降 (犯収法4条3項, 施行規則16条): a new Account SID may rely on a customer verified before only
// when the business confirms that the person asking is that customer. kakunin asks the owner of the
// verified account, by a single-use link emailed to its Twilioコンソールログイン用メールアドレス.

export const INVALID_CONFIRMATION_MESSAGE =
  'このリンクは無効か、有効期限が切れているか、すでに使用されています。お心当たりのない場合は、このメールを破棄してください。'

export const LINK_BASIS = '犯罪収益移転防止法4条3項: 取引時確認済みの顧客であることの確認（所有者による確認）'

export const confirmationLink = (linkBaseUrl: string, token: string) => `${linkBaseUrl}/link-confirm/${token}`

export interface ConfirmationDeps extends StateDeps {
  /** How long the owner's link stays valid. */
  hours: number
}

/**
 * Inside 送信する's transaction: the owner's link (only its hash stored), the mail to the owner
 * naming the new SID and the addresses that asked, the applicant's receipt, and the event.
 */
export async function requestOwnerConfirmation(tx: TransactionClient, deps: ConfirmationDeps, application: Application, chain: VerifiedRoot, now: Date) {
  const login = answersOf(application).login
  const owner = answersOf(chain.reliedOn).login
  if (!login?.verifiedAccountSid || !owner) throw new Error('a link application and its relied-on one both have login answers')
  const { token, tokenHash, expiresAt } = newExpiringToken(now, deps.hours)
  const confirmation = await tx.ownerConfirmation.create({
    data: {
      applicationId: application.id,
      reliedOnApplicationId: chain.reliedOn.id,
      rootApplicationId: chain.root.id,
      rootVerificationId: chain.rootVerification.id,
      tokenHash,
      sentTo: owner.loginEmail,
      createdAt: now,
      expiresAt,
    },
  })
  const { reference } = application
  const { signature, fromAddress, linkBaseUrl } = deps.mail
  const requestedBy = [...new Set([login.loginEmail, login.contactEmail])]
  await enqueueEmail(
    tx,
    fromAddress,
    {
      applicationId: application.id,
      to: owner.loginEmail,
      fallbackTo: owner.contactEmail,
      // The owner is the verified customer: addressed by the name verified, which the person asking never sees.
      email: ownerConfirmationEmail({
        reference,
        accountSid: login.accountSid,
        verifiedAccountSid: login.verifiedAccountSid,
        requestedBy,
        link: confirmationLink(linkBaseUrl, token),
        expiresAt,
        addressee: addresseeOf(answersOf(chain.root).user),
        signature,
      }),
    },
    now,
  )
  await enqueueEmail(
    tx,
    fromAddress,
    { applicationId: application.id, to: login.loginEmail, fallbackTo: login.contactEmail, email: linkRequestedEmail({ reference, accountSid: login.accountSid, sentTo: maskEmail(owner.loginEmail), expiresAt, addressee: addresseeOf(undefined), signature }) },
    now,
  )
  await recordEvent(
    tx,
    application.id,
    {
      type: 'OWNER_CONFIRMATION_REQUESTED',
      actorType: 'APPLICANT',
      actorId: null,
      data: {
        confirmationId: confirmation.id,
        reliedOnApplicationId: chain.reliedOn.id,
        reliedOnReference: chain.reliedOn.reference,
        rootApplicationId: chain.root.id,
        rootVerificationId: chain.rootVerification.id,
        sentTo: owner.loginEmail,
        expiresAt,
      },
    },
    now,
  )
}

/**
 * The owner's answer, by POST from the page the link opens (mail scanners only GET). Confirming
 * approves the new SID through the transition module; declining denies it, and the applicant is
 * told to verify the first-time way. Every unusable link (unknown, used, expired) is the same 404.
 */
export async function answerOwnerConfirmation(deps: StateDeps & Pick<AppDeps, 'clock'>, token: string, answer: 'CONFIRM' | 'DECLINE') {
  const now = deps.clock()
  const confirmation = await deps.prisma.ownerConfirmation.findUnique({ where: { tokenHash: hashSessionToken(token) } })
  if (!confirmation || confirmation.decision || confirmation.expiresAt <= now) throw notFound(INVALID_CONFIRMATION_MESSAGE)
  const confirmed = answer === 'CONFIRM'
  const relied = await deps.prisma.application.findUniqueOrThrow({ where: { id: confirmation.reliedOnApplicationId }, select: { reference: true } })
  await changeStatus(deps, {
    applicationId: confirmation.applicationId,
    to: confirmed ? 'APPROVED' : 'DENIED',
    actor: { type: 'OWNER', id: confirmation.id },
    event: {
      type: 'DECIDED',
      data: {
        basis: LINK_BASIS,
        confirmationId: confirmation.id,
        reliedOnApplicationId: confirmation.reliedOnApplicationId,
        reliedOnReference: relied.reference,
        rootApplicationId: confirmation.rootApplicationId,
        rootVerificationId: confirmation.rootVerificationId,
        ...(confirmed ? {} : { denial: declinedDenial('取引時確認済みのアカウントの所有者から、このお申し込みを確認できないとの回答がありました。') }),
      },
    },
    evidence: { confirmationId: confirmation.id },
    // Claimed in the same transaction: of parallel answers exactly one wins, the rest find it used.
    // Only a confirmation of the submission waiting for it counts (the transition module spends the
    // others when an application leaves SUBMITTED).
    before: async (tx) => {
      await claimCurrent(tx, confirmation, confirmed ? 'CONFIRMED' : 'DECLINED', now, { unexpired: true })
    },
    now,
  })
  return { answer }
}

/** What a link application that was not confirmed tells its applicant to do. */
function declinedDenial(why: string) {
  return {
    fields: ['login.verifiedAccountSid'],
    hints: [
      why,
      '取引時確認済みのAccount SIDに誤りがある場合は、修正してもう一度送信してください。',
      'それ以外の場合は、最初のページで「持っていない」を選び、初めての方の手続き（本人確認書類による確認）でお申し込みください。',
    ],
  }
}

/**
 * Confirmations nobody answered in time: each one's application is denied by the system, once
 * (the claim is conditional, so several instances may run this together).
 */
export async function expireOwnerConfirmations(deps: StateDeps, now: Date): Promise<number> {
  const due = await deps.prisma.ownerConfirmation.findMany({ where: { decision: null, expiresAt: { lte: now } }, take: 50, orderBy: { expiresAt: 'asc' } })
  let expired = 0
  for (const confirmation of due) {
    try {
      await changeStatus(deps, {
        applicationId: confirmation.applicationId,
        to: 'DENIED',
        actor: { type: 'SYSTEM', id: null },
        event: { type: 'DECIDED', data: { basis: LINK_BASIS, confirmationId: confirmation.id, denial: declinedDenial('取引時確認済みのアカウントの所有者による確認が、期限までに行われませんでした。') } },
        before: (tx) => claimCurrent(tx, confirmation, 'EXPIRED', now, { unexpired: false }),
        now,
      })
      expired += 1
    } catch (error) {
      // Taken meanwhile (answered, or spent by another instance): nothing left to do. Anything else
      // (the database away) leaves the row as it was, for the next pass.
      if (error instanceof ApiError && (error.statusCode === 404 || error.statusCode === 409)) {
        await deps.prisma.ownerConfirmation.updateMany({ where: { id: confirmation.id, decision: null }, data: { decision: 'SUPERSEDED', decidedAt: now } })
        continue
      }
      throw error
    }
  }
  return expired
}

/**
 * Claims a confirmation for its answer, once: still open (and unexpired when answered), of the
 * application's current submission, and that application waiting in SUBMITTED. Otherwise 404, the
 * neutral answer of every unusable link.
 */
async function claimCurrent(
  tx: TransactionClient,
  confirmation: { id: string; applicationId: string; createdAt: Date },
  decision: 'CONFIRMED' | 'DECLINED' | 'EXPIRED',
  now: Date,
  { unexpired }: { unexpired: boolean },
) {
  const application = await tx.application.findUnique({ where: { id: confirmation.applicationId }, select: { status: true, submittedAt: true } })
  const current = application?.status === 'SUBMITTED' && application.submittedAt !== null && confirmation.createdAt >= application.submittedAt
  const claimed = current
    ? await tx.ownerConfirmation.updateMany({ where: { id: confirmation.id, decision: null, ...(unexpired ? { expiresAt: { gt: now } } : {}) }, data: { decision, decidedAt: now } })
    : { count: 0 }
  if (claimed.count === 0) throw notFound(INVALID_CONFIRMATION_MESSAGE)
}
