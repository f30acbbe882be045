import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { hashSessionToken, newSessionToken } from './session-token.ts'

const SESSION_DAYS = 30

/** A browser's new access to one application: the token for its cookie (only the hash is stored). */
export interface OpenedSession {
  token: string
  expiresAt: Date
}

/** Opens a session for the application inside the caller's transaction; the route sets the cookie. */
export async function openApplicantSession(tx: TransactionClient, applicationId: string, now: Date): Promise<OpenedSession> {
  const token = newSessionToken()
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 60 * 60 * 1000)
  await tx.applicantSession.create({ data: { applicationId, tokenHash: hashSessionToken(token), expiresAt, createdAt: now } })
  return { token, expiresAt }
}
