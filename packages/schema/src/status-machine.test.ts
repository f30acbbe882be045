import { describe, expect, it } from 'vitest'
import { APPLICATION_STATUSES } from './application.ts'
import { ACTORS, canTransition, EDITABLE_STATUSES, SUBMITTABLE_STATUSES } from './status-machine.ts'

const actors = ACTORS

describe('application status rules', () => {
  it.each([
    ['DRAFT', 'SUBMITTED', 'APPLICANT'],
    ['SUBMITTED', 'VERIFYING', 'PROVIDER'],
    ['VERIFYING', 'IN_REVIEW', 'PROVIDER'],
    ['IN_REVIEW', 'APPROVED', 'PROVIDER'],
    ['IN_REVIEW', 'DENIED', 'PROVIDER'],
    ['IN_REVIEW', 'APPROVED', 'STAFF'],
    ['IN_REVIEW', 'DENIED', 'STAFF'],
    ['DENIED', 'SUBMITTED', 'APPLICANT'],
    ['IN_REVIEW', 'ENHANCED_REVIEW', 'PROVIDER'],
    ['ENHANCED_REVIEW', 'APPROVED', 'STAFF'],
    ['ENHANCED_REVIEW', 'DENIED', 'STAFF'],
    ['SUBMITTED', 'APPROVED', 'OWNER'],
    ['SUBMITTED', 'DENIED', 'OWNER'],
    ['SUBMITTED', 'DENIED', 'SYSTEM'],
  ] as const)('allow %s → %s by %s', (from, to, actor) => {
    expect(canTransition(from, to, actor)).toBe(true)
  })

  it.each([
    ['DRAFT', 'APPROVED', 'APPLICANT'],
    ['DRAFT', 'VERIFYING', 'PROVIDER'],
    ['SUBMITTED', 'IN_REVIEW', 'PROVIDER'],
    ['IN_REVIEW', 'APPROVED', 'APPLICANT'],
    ['DENIED', 'APPROVED', 'PROVIDER'],
    ['IN_REVIEW', 'SUBMITTED', 'APPLICANT'],
    ['ENHANCED_REVIEW', 'APPROVED', 'PROVIDER'],
    ['IN_REVIEW', 'APPROVED', 'OWNER'],
    ['SUBMITTED', 'APPROVED', 'SYSTEM'],
  ] as const)('refuse %s → %s by %s', (from, to, actor) => {
    expect(canTransition(from, to, actor)).toBe(false)
  })

  it('never let anyone move an approved application', () => {
    for (const to of APPLICATION_STATUSES) for (const actor of actors) expect(canTransition('APPROVED', to, actor)).toBe(false)
  })

  it('never let the applicant approve, deny or verify', () => {
    for (const from of APPLICATION_STATUSES) {
      for (const to of ['APPROVED', 'DENIED', 'VERIFYING', 'IN_REVIEW'] as const) {
        expect(canTransition(from, to, 'APPLICANT')).toBe(false)
      }
    }
  })

  it('let the system only deny (an owner confirmation that expired, an approval the law does not accept), and the owner act only on a submitted application', () => {
    for (const from of APPLICATION_STATUSES) {
      for (const to of APPLICATION_STATUSES) {
        if (canTransition(from, to, 'SYSTEM')) expect(to).toBe('DENIED')
        if (canTransition(from, to, 'OWNER')) expect(from).toBe('SUBMITTED')
      }
    }
  })

  it('let only staff move an application out of enhanced review', () => {
    for (const to of APPLICATION_STATUSES) for (const actor of actors) if (actor !== 'STAFF') expect(canTransition('ENHANCED_REVIEW', to, actor)).toBe(false)
  })

  it('let the applicant edit and submit a draft or a denied application, and nothing else', () => {
    expect([...EDITABLE_STATUSES].sort()).toEqual(['DENIED', 'DRAFT'])
    expect([...SUBMITTABLE_STATUSES].sort()).toEqual(['DENIED', 'DRAFT'])
  })
})
