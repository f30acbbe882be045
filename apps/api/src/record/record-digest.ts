import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'

/**
 * The SHA-256 of a frozen 確認記録 over its canonical JSON (RFC 8785, JCS): the same record gives
 * the same digest whatever the order its keys were stored or read in (PostgreSQL's jsonb reorders
 * them), and any change to any item gives another.
 */
export function recordDigest(record: unknown): string {
  const canonical = canonicalize(record)
  if (canonical === undefined) throw new Error('a 確認記録 is a JSON object')
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}
