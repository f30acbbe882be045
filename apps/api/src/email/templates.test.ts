import { describe, expect, it } from 'vitest'
import { backoffMs } from '#src/jobs/outbox-table.ts'
import { maskEmail } from './mask-email.ts'
import { loadConfig } from '#src/config/config.ts'
import { emailSignature, type EmailSignature } from './signature.ts'
import {
  addresseeOf,
  approvedEmail,
  deniedEmail,
  draftSavedEmail,
  enhancedReviewEmail,
  inquiryReceivedEmail,
  linkedApprovedEmail,
  linkRequestedEmail,
  ownerConfirmationEmail,
  submissionReceivedEmail,
  type RenderedEmail,
} from './templates.ts'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
import { hashSessionToken, newSessionToken } from '#src/applicant-session/session-token.ts'

const signature: EmailSignature = {
  senderName: '取引時確認事務局',
  operatorName: '株式会社本番通信',
  operatorUrl: 'https://www.honban.example.jp',
  supportEmail: 'kakunin-support@honban.example.jp',
  inquiryUrl: 'https://kakunin.example.jp/inquiry?kind=KYC',
  privacyUrl: 'https://kakunin.example.jp/privacy',
}
const addressed = { addressee: '山田 太郎 様', signature }

describe('email templates', () => {
  it('write the resume link as a link in HTML and as a line in text, with its expiry in Japan time', () => {
    const email = draftSavedEmail({
      reference: 'KYC-20261128-0001',
      link: 'https://kakunin.example.jp/resume/abc',
      expiresAt: new Date('2026-12-01T03:00:00Z'),
      ...addressed,
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
      addressee: '<b>山田</b> 様',
      signature: { ...signature, operatorName: 'A & B' },
    })
    expect(email.html).not.toContain('<script>')
    expect(email.html).toContain('&lt;script&gt;')
    expect(email.html).toContain('A &amp; B')
    expect(email.html).toContain('&lt;b&gt;山田&lt;/b&gt; 様')
  })

  const expiresAt = new Date('2026-12-01T03:00:00Z')
  const link = 'https://kakunin.example.jp/resume/abc'
  const every: Record<RenderedEmail['template'] | 'LINKED_APPROVED', RenderedEmail> = {
    DRAFT_SAVED: draftSavedEmail({ reference: 'KYC-1', link, expiresAt, ...addressed }),
    SUBMISSION_RECEIVED: submissionReceivedEmail({ reference: 'KYC-1', link, expiresAt, ...addressed }),
    APPROVED: approvedEmail({ reference: 'KYC-1', accountSid: 'AC0123456789abcdef0123456789abcdef', ...addressed }),
    LINKED_APPROVED: linkedApprovedEmail({ reference: 'KYC-1', accountSid: `AC${'1'.repeat(32)}`, verifiedAccountSid: `AC${'2'.repeat(32)}`, ...addressed }),
    DENIED: deniedEmail({ reference: 'KYC-1', hints: [], link, expiresAt, ...addressed }),
    ENHANCED_REVIEW: enhancedReviewEmail({ reference: 'KYC-1', documents: ['収入を証する書類'], link, expiresAt, ...addressed }),
    OWNER_CONFIRMATION: ownerConfirmationEmail({ reference: 'KYC-1', accountSid: `AC${'1'.repeat(32)}`, verifiedAccountSid: `AC${'2'.repeat(32)}`, requestedBy: ['taro@example.com'], link, expiresAt, ...addressed }),
    LINK_REQUESTED: linkRequestedEmail({ reference: 'KYC-1', accountSid: `AC${'1'.repeat(32)}`, sentTo: 't***@example.com', expiresAt, ...addressed }),
    INQUIRY_RECEIVED: inquiryReceivedEmail({ reference: 'INQ-1', name: '山田 太郎', kindLabel: '取引時確認', signature }),
  }

  it.each(Object.entries(every))('open %s with the 宛名', (_, email) => {
    expect(email.text.split('\n')[0]).toBe('山田 太郎 様')
    expect(email.html).toContain('<body><p>山田 太郎 様</p>')
  })

  it('address the customer by the name in 利用者情報, and as お客様 before it is known', () => {
    expect(addresseeOf({ familyName: '髙橋', givenName: '花子' })).toBe('髙橋 花子 様')
    expect(addresseeOf(undefined)).toBe('お客様')
  })

  it('申込受付 links back to the phone verification, saying until when', () => {
    const email = submissionReceivedEmail({ reference: 'KYC-20261201-0001', link, expiresAt, ...addressed })
    expect(email.text).toContain(`身元確認用フォームに戻れます（${formatJapanDateTime(expiresAt)}まで有効、1回のみ使用できます）。\n${link}\n`)
    expect(email.html).toContain(`<a href="${link}">`)
  })

  it.each(Object.entries(every))('sign %s with the operator, its support address and the inquiry page', (_, email) => {
    expect(email.text).toContain('\n株式会社本番通信\n取引時確認事務局\nhttps://www.honban.example.jp\n')
    expect(email.text).toContain('お問い合わせメールアドレス：kakunin-support@honban.example.jp')
    expect(email.text).toContain('\nhttps://kakunin.example.jp/inquiry?kind=KYC\n')
    expect(email.text).toContain('\nhttps://kakunin.example.jp/privacy\n')
    expect(email.html).toContain('<a href="https://kakunin.example.jp/inquiry?kind=KYC">')
    expect(email.html).toContain('<a href="https://kakunin.example.jp/privacy">')
    expect(email.html).toContain('kakunin-support@honban.example.jp')
  })

  it('sign with the configured operator, and its pages on this service', () => {
    const config = loadConfig({
      OPERATOR_NAME: '株式会社本番通信',
      OPERATOR_URL: 'https://www.honban.example.jp',
      SUPPORT_EMAIL: 'kakunin-support@honban.example.jp',
      PUBLIC_BASE_URL: 'https://kakunin.example.jp/',
    })
    expect(emailSignature(config)).toEqual(signature)
  })

  it('name the Account SID an approval verified, with full-width labels beside the Japanese', () => {
    const email = approvedEmail({ reference: 'KYC-20261201-0001', accountSid: 'AC0123456789abcdef0123456789abcdef', ...addressed })
    expect(email.text).toContain('受付番号：KYC-20261201-0001')
    expect(email.text).toContain('取引時確認済みとなったAccount SID：AC0123456789abcdef0123456789abcdef')
    expect(email.text).not.toMatch(/\P{ASCII}: /u)
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
