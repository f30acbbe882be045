import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe: unguessable, so the token alone is the credential. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Only this hash is stored: a database leak does not hand out working sessions. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A new token that grants access for `hours` from `now`: what to hand out, and what to store. */
export function newExpiringToken(now: Date, hours: number) {
  const token = newSessionToken()
  return { token, tokenHash: hashSessionToken(token), expiresAt: new Date(now.getTime() + hours * 60 * 60 * 1000) }
}
