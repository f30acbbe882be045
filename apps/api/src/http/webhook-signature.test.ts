import { describe, expect, it } from 'vitest'
import { signWebhook, verifyWebhookSignature } from './webhook-signature.ts'

const secret = 'a-secret-of-at-least-thirty-two-characters'
const body = '{"id":"evt_1","type":"session.submitted"}'
const at = new Date('2026-11-28T03:00:00Z')

describe('webhook signatures', () => {
  it('accept what was signed with the secret, within five minutes either way', () => {
    const signature = signWebhook(secret, body, at)
    expect(verifyWebhookSignature(secret, signature, body, at)).toBeNull()
    expect(verifyWebhookSignature(secret, signature, body, new Date(at.getTime() + 299_000))).toBeNull()
    expect(verifyWebhookSignature(secret, signature, body, new Date(at.getTime() - 299_000))).toBeNull()
  })

  it('reject a missing or malformed header', () => {
    expect(verifyWebhookSignature(secret, undefined, body, at)).toBe('missing')
    expect(verifyWebhookSignature(secret, 'v1=abc', body, at)).toBe('malformed')
    expect(verifyWebhookSignature(secret, 't=1,v1=nothex', body, at)).toBe('malformed')
  })

  it('reject another secret, a changed body or a changed timestamp', () => {
    const signature = signWebhook(secret, body, at)
    expect(verifyWebhookSignature('another-secret-of-thirty-two-characters!', signature, body, at)).toBe('mismatch')
    expect(verifyWebhookSignature(secret, signature, body.replace('submitted', 'reviewed'), at)).toBe('mismatch')
    const later = signature.replace(/t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`)
    expect(verifyWebhookSignature(secret, later, body, at)).toBe('mismatch')
  })

  it('reject a correctly signed request replayed later', () => {
    const signature = signWebhook(secret, body, at)
    expect(verifyWebhookSignature(secret, signature, body, new Date(at.getTime() + 301_000))).toBe('stale')
  })
})
