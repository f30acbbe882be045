import { describe, expect, it } from 'vitest'
import { applicationSummary, createApplicationBody, referencePattern } from './application.ts'

describe('createApplicationBody', () => {
  it.each(['FIRST_TIME', 'LINK_VERIFIED'])('accepts the flow %s', (flow) => {
    expect(createApplicationBody.parse({ flow })).toEqual({ flow })
  })

  it('asks, in Japanese, whether the applicant has a verified Account SID when the flow is missing', () => {
    const result = createApplicationBody.safeParse({})
    expect(result.success).toBe(false)
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['flow'], message: '取引時確認済みのAccount SIDをお持ちかどうか選んでください' }),
    ])
  })

  it('rejects an unknown flow and a wrongly typed one', () => {
    expect(createApplicationBody.safeParse({ flow: 'CORPORATE' }).success).toBe(false)
    expect(createApplicationBody.safeParse({ flow: 1 }).success).toBe(false)
  })

  it('rejects fields it does not declare', () => {
    const result = createApplicationBody.safeParse({ flow: 'FIRST_TIME', status: 'APPROVED' })
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['status'] })
  })
})

describe('reference numbers', () => {
  it.each(['KYC-20261128-0001', 'KYC-20261231-12345'])('match %s', (reference) => {
    expect(referencePattern.test(reference)).toBe(true)
  })

  it.each(['KYC-2026112-0001', 'kyc-20261128-0001', 'KYC-20261128-001', 'KYC-20261128-0001x'])(
    'do not match %s',
    (reference) => {
      expect(referencePattern.test(reference)).toBe(false)
    },
  )
})

describe('applicationSummary', () => {
  it('strips fields the response does not declare', () => {
    const parsed = applicationSummary.parse({
      id: '3f0b2c2e-8d0c-4a43-9a3e-2d3a3b0c9f10',
      reference: 'KYC-20261128-0001',
      flow: 'FIRST_TIME',
      status: 'DRAFT',
      version: 1,
      createdAt: '2026-11-28T03:00:00.000Z',
      updatedAt: '2026-11-28T03:00:00.000Z',
      internalNote: 'never sent',
    })
    expect(parsed).not.toHaveProperty('internalNote')
  })
})
