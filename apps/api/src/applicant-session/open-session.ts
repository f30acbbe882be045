import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { newExpiringToken } from './session-token.ts'

/** A browser's new access to one application: the token for its cookie (only the hash is stored). */
export interface OpenedSession {
  token: string
  expiresAt: Date
}

/** Why a session ended before its time (applicant_sessions.revoked_reason). */
export type RevokedReason = 'LOGOUT' | 'REPLACED'

/**
 * Opens a session for the application inside the caller's transaction; the route sets the cookie,
 * which expires with the session, `maxHours` (SESSION_MAX_HOURS) from `now`.
 */
export async function openApplicantSession(tx: TransactionClient, applicationId: string, now: Date, maxHours: number): Promise<OpenedSession> {
  const { token, tokenHash, expiresAt } = newExpiringToken(now, maxHours)
  await tx.applicantSession.create({ data: { applicationId, tokenHash, expiresAt, createdAt: now, lastSeenAt: now } })
  return { token, expiresAt }
}

/**
 * A redeemed link hands the application to one browser: every session opened before it ends, so
 * a browser the link was meant to take over from (a shared computer, a planted session) loses it.
 */
export async function openOnlyApplicantSession(tx: TransactionClient, applicationId: string, now: Date, maxHours: number): Promise<OpenedSession> {
  await tx.applicantSession.updateMany({
    where: { applicationId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now, revokedReason: 'REPLACED' satisfies RevokedReason },
  })
  return openApplicantSession(tx, applicationId, now, maxHours)
}
