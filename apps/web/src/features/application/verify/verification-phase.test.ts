import { describe, expect, it } from 'vitest'
import type { ApplicationStatus } from '@kakunin/schema/application'
import type { VerificationStatus } from '@kakunin/schema/verification'
import { aVerification, currentVerification } from '@kakunin/test-data/applications'
import { PHASE_MESSAGES, verificationPhase, type VerificationPhase } from './verification-phase.ts'

const phaseOf = (applicationStatus: ApplicationStatus, status: VerificationStatus | null) =>
  verificationPhase(currentVerification(applicationStatus, status ? aVerification({ status }) : null))

describe('verificationPhase', () => {
  describe('while the application waits for the phone', () => {
    it.each<[ApplicationStatus, VerificationStatus | null, VerificationPhase]>([
      ['SUBMITTED', null, 'none'],
      ['SUBMITTED', 'PENDING', 'waiting'],
      ['SUBMITTED', 'STARTED', 'in-progress'],
      ['SUBMITTED', 'EXPIRED', 'expired'],
      ['SUBMITTED', 'SUBMITTED', 'finished'],
      ['VERIFYING', 'STARTED', 'in-progress'],
      ['VERIFYING', 'SUBMITTED', 'finished'],
      // A session decided before this application was corrected and sent again: start a new one.
      ['SUBMITTED', 'APPROVED', 'none'],
      ['SUBMITTED', 'DENIED', 'none'],
    ])('application %s, verification %s → %s', (applicationStatus, status, phase) => {
      expect(phaseOf(applicationStatus, status)).toBe(phase)
    })
  })

  describe('once the application is past the phone', () => {
    it.each<[ApplicationStatus, VerificationStatus | null, VerificationPhase]>([
      ['IN_REVIEW', 'SUBMITTED', 'finished'],
      ['ENHANCED_REVIEW', 'APPROVED', 'finished'],
      ['APPROVED', 'APPROVED', 'finished'],
      ['DENIED', 'DENIED', 'finished'],
      // Staff decided without the phone flow being carried through.
      ['DENIED', null, 'decided'],
      ['DENIED', 'PENDING', 'decided'],
      ['DENIED', 'STARTED', 'decided'],
      ['APPROVED', 'EXPIRED', 'decided'],
    ])('application %s, verification %s → %s', (applicationStatus, status, phase) => {
      expect(phaseOf(applicationStatus, status)).toBe(phase)
    })
  })

  it('has something to announce in every phase but the first', () => {
    const phases: VerificationPhase[] = ['waiting', 'in-progress', 'expired', 'finished', 'decided']
    for (const phase of phases) expect(PHASE_MESSAGES[phase]).not.toBe('')
    expect(PHASE_MESSAGES.none).toBe('')
  })
})
