import { describe, expect, it } from 'vitest'
import { applicationEvent, applicationEventInput, EVENT_TYPES, STATUS_EVENT_TYPES } from './events.ts'

const base = { actorType: 'STAFF', actorId: 'k1', fromStatus: null, toStatus: null } as const

describe('the event catalogue', () => {
  it('accepts each type with its data, and refuses unknown types and missing data', () => {
    expect(applicationEventInput.safeParse({ ...base, type: 'PII_VIEWED', data: { keyName: 'a', role: 'VIEWER' } }).success).toBe(true)
    expect(applicationEventInput.safeParse({ ...base, type: 'PII_VIEWED', data: {} }).success).toBe(false)
    expect(applicationEventInput.safeParse({ ...base, type: 'SOMETHING_ELSE', data: {} }).success).toBe(false)
    expect(applicationEventInput.safeParse({ ...base, actorType: 'HACKER', type: 'RESUMED_FROM_LINK', data: {} }).success).toBe(false)
    expect(
      applicationEventInput.safeParse({ ...base, type: 'SUSPICION_FLAGGED', data: { reason: 'x', keyName: 'k' } }).success,
    ).toBe(true)
  })

  it('types a verdict by what it rests on, and keeps the fields older rows carry readable', () => {
    const owner = { ...base, actorType: 'OWNER', fromStatus: 'SUBMITTED', toStatus: 'APPROVED', type: 'DECIDED', data: { basis: '4条3項', confirmationId: 'c', rootApplicationId: 'r', rootVerificationId: 'v' } }
    expect(applicationEventInput.safeParse(owner).success).toBe(true)
    expect(applicationEventInput.safeParse({ ...owner, data: { ...owner.data, highRiskGrounds: ['NOT_A_GROUND'] } }).success).toBe(false)
    const stored = { ...owner, id: '1', createdAt: '2026-12-01T00:00:00.000Z', data: { ...owner.data, somethingOld: true } }
    expect(applicationEvent.parse(stored).data).toMatchObject({ somethingOld: true })
  })

  it('lists the status events, all of them in the catalogue', () => {
    for (const type of STATUS_EVENT_TYPES) expect(EVENT_TYPES).toContain(type)
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length)
  })
})
