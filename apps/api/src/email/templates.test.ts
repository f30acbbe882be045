import { describe, expect, it } from 'vitest'
import { backoffMs } from '#src/jobs/outbox-table.ts'
import { maskEmail } from './mask-email.ts'
import { deniedEmail, draftSavedEmail } from './templates.ts'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
import { hashSessionToken, newSessionToken } from '#src/applicant-session/session-token.ts'

describe('email templates', () => {
  it('write the resume link as a link in HTML and as a line in text, with its expiry in Japan time', () => {
    const email = draftSavedEmail({
      reference: 'KYC-20261128-0001',
      link: 'https://kakunin.example.jp/resume/abc',
      expiresAt: new Date('2026-12-01T03:00:00Z'),
      senderName: '取引時確認事務局',
    })
    expect(email.subject).toBe('【取引時確認】入力途中のお申し込みを保存しました（受付番号 KYC-20261128-0001）')
    expect(email.text).toContain('\nhttps://kakunin.example.jp/resume/abc\n')
    expect(email.text).toContain('2026年12月1日 12:00')
    expect(email.html).toContain('<a href="https://kakunin.example.jp/resume/abc">')
  })

  it('escape what the applicant typed in HTML', () => {
    const email = deniedEmail({
      reference: 'KYC-20261128-0002',
      hints: ['<script>alert(1)</script>'],
      link: 'https://kakunin.example.jp/resume/x',
      expiresAt: new Date(),
      senderName: 'A & B',
    })
    expect(email.html).not.toContain('<script>')
    expect(email.html).toContain('&lt;script&gt;')
    expect(email.html).toContain('A &amp; B')
  })

  it('format dates in Japan time', () => {
    expect(formatJapanDateTime(new Date('2026-11-28T15:30:00Z'))).toBe('2026年11月29日 00:30')
  })
})

describe('the outbox backoff', () => {
  it('doubles from a second up to an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([1000, 2000, 4000, 8000])
    expect(backoffMs(30)).toBe(60 * 60 * 1000)
  })
})

describe('tokens', () => {
  it('are 256 random bits, URL-safe, different every time, and stored only as a SHA-256', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newSessionToken))
    expect(tokens.size).toBe(1000)
    for (const token of [...tokens].slice(0, 10)) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/)
      expect(hashSessionToken(token)).toBe(hashSessionToken(token))
    }
  })
})

describe('maskEmail', () => {
  it('shows the first letter and the domain only', () => {
    expect(maskEmail('taro@example.com')).toBe('t***@example.com')
  })
})
