import { describe, expect, it } from 'vitest'
import { ACCOUNT_SID_MESSAGE } from '../account-sid.ts'
import { VALID_ACCOUNT_SID, validLogin } from '@kakunin/test-data/answers'
import { issuesOf, toFullWidth, without } from '@kakunin/test-data/schema-checks'
import { loginStep, SAME_EMAIL_MESSAGE } from './login-step.ts'

describe('loginStep', () => {
  it('accepts a valid login as it is', () => {
    expect(loginStep.parse(validLogin)).toEqual(validLogin)
  })

  it('normalises the SID and both addresses', () => {
    expect(
      loginStep.parse({
        accountSid: ` ${VALID_ACCOUNT_SID.toUpperCase()} `,
        loginEmail: toFullWidth('taro@example.com'),
        contactEmail: '\u3000hanako@example.jp ',
      }),
    ).toEqual({ accountSid: VALID_ACCOUNT_SID, loginEmail: 'taro@example.com', contactEmail: 'hanako@example.jp' })
  })

  it.each(['accountSid', 'loginEmail', 'contactEmail'] as const)('asks for a missing %s on its path', (field) => {
    expect(issuesOf(loginStep, without(validLogin, field))).toEqual([{ path: [field], message: '入力してください' }])
  })

  it.each([
    ['accountSid', '新しく利用するAccount SIDを入力してください'],
    ['loginEmail', 'メールアドレスを入力してください'],
    ['contactEmail', 'メールアドレスを入力してください'],
  ] as const)('asks for an empty %s first', (field, message) => {
    expect(issuesOf(loginStep, { ...validLogin, [field]: ' ' })[0]).toEqual({ path: [field], message })
  })

  it('reports a malformed SID on its path', () => {
    expect(issuesOf(loginStep, { ...validLogin, accountSid: 'AC123' })).toEqual([
      { path: ['accountSid'], message: ACCOUNT_SID_MESSAGE },
    ])
  })

  it.each(['loginEmail', 'contactEmail'] as const)('reports a malformed %s on its path', (field) => {
    expect(issuesOf(loginStep, { ...validLogin, [field]: 'taro@example' })).toEqual([
      { path: [field], message: 'メールアドレスの形式で入力してください（例：taro@example.com）' },
    ])
  })

  it.each([
    ['the same address', 'taro@example.com', 'taro@example.com'],
    ['the same address in another case', 'Taro@Example.COM', 'taro@example.com'],
    ['the same address in full width', 'taro@example.com', toFullWidth('TARO@EXAMPLE.COM')],
    ['the same address with spaces around it', 'taro@example.com', ' taro@example.com\u3000'],
  ])('asks for a separate contact address when given %s', (_, loginEmail, contactEmail) => {
    expect(issuesOf(loginStep, { ...validLogin, loginEmail, contactEmail })).toEqual([
      { path: ['contactEmail'], message: SAME_EMAIL_MESSAGE },
    ])
  })

  it('accepts addresses that differ only in the domain', () => {
    const value = { ...validLogin, loginEmail: 'taro@example.com', contactEmail: 'taro@example.jp' }
    expect(loginStep.parse(value)).toEqual(value)
  })

  it('explains the separate-address rule in Japanese', () => {
    expect(SAME_EMAIL_MESSAGE).toBe(
      '連絡用メールアドレスには、Twilioコンソールログイン用メールアドレスとは別のアドレスを入力してください',
    )
  })

  it('rejects keys it does not declare', () => {
    expect(issuesOf(loginStep, { ...validLogin, authToken: 'secret' })).toEqual([
      { path: [], message: '入力できない項目が含まれています: authToken' },
    ])
  })
})
