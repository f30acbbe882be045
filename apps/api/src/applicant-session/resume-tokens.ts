import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { newExpiringToken } from './session-token.ts'

/**
 * A resume link's token: random, single use, expiring; only its hash is stored. Issued inside the
 * transaction that queues the email carrying it.
 */
export async function issueResumeToken(tx: TransactionClient, applicationId: string, hours: number, now: Date) {
  const { token, tokenHash, expiresAt } = newExpiringToken(now, hours)
  await tx.resumeToken.create({ data: { applicationId, tokenHash, expiresAt, createdAt: now } })
  return { token, expiresAt }
}

export const resumeLink = (linkBaseUrl: string, token: string) => `${linkBaseUrl}/resume/${token}`
