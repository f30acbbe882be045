import { createHmac, timingSafeEqual } from 'node:crypto'

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, in the style of most vendors. */
export const SIGNATURE_HEADER = 'x-kakunin-signature'
export const SIGNATURE_TOLERANCE_SECONDS = 300

export function signWebhook(secret: string, body: string, now = new Date()): string {
  const t = Math.floor(now.getTime() / 1000)
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`
}

export type SignatureProblem = 'missing' | 'malformed' | 'mismatch' | 'stale'

/**
 * Checks a signature over the raw body. The timestamp is signed too, so an old request replayed
 * later fails as stale; within the tolerance, event ids make a replay change nothing.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  now = new Date(),
): SignatureProblem | null {
  if (!header) return 'missing'
  const parts = Object.fromEntries(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]))
  const t = Number(parts.t)
  const v1 = parts.v1
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return 'malformed'
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest()
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) return 'mismatch'
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return 'stale'
  return null
}
