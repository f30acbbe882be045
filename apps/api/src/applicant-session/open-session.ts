import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { newExpiringToken } from './session-token.ts'

const SESSION_DAYS = 30

/** A browser's new access to one application: the token for its cookie (only the hash is stored). */
export interface OpenedSession {
  token: string
  expiresAt: Date
}

/** Opens a session for the application inside the caller's transaction; the route sets the cookie. */
export async function openApplicantSession(tx: TransactionClient, applicationId: string, now: Date): Promise<OpenedSession> {
  const { token, tokenHash, expiresAt } = newExpiringToken(now, SESSION_DAYS * 24)
  await tx.applicantSession.create({ data: { applicationId, tokenHash, expiresAt, createdAt: now } })
  return { token, expiresAt }
}
