import { describe, expect, it } from 'vitest'
import type { ApplicationStatus } from '@kakunin/schema/application'
import type { VerificationStatus } from '@kakunin/schema/verification'
import { anAgent, anAgentSession, aVerification, currentVerification } from '@kakunin/test-data/applications'
import { agentPhase, everyPhoneDone, PHASE_MESSAGES, verificationPhase, type VerificationPhase } from './verification-phase.ts'

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

describe('with a 代理人', () => {
  const withAgent = (applicationStatus: ApplicationStatus, customer: VerificationStatus | null, agent: VerificationStatus | null) =>
    currentVerification(
      applicationStatus,
      customer ? aVerification({ status: customer }) : null,
      anAgent({ verification: agent ? anAgentSession({ status: agent }) : null }),
    )

  it.each<[ApplicationStatus, VerificationStatus | null, VerificationStatus | null, VerificationPhase, VerificationPhase, boolean]>([
    ['SUBMITTED', null, null, 'none', 'none', false],
    ['VERIFYING', 'STARTED', 'PENDING', 'in-progress', 'waiting', false],
    // One phone done puts the application in review; the other person still scans theirs.
    ['IN_REVIEW', 'SUBMITTED', null, 'finished', 'none', false],
    ['IN_REVIEW', 'APPROVED', 'EXPIRED', 'finished', 'expired', false],
    ['IN_REVIEW', null, 'APPROVED', 'none', 'finished', false],
    ['IN_REVIEW', 'APPROVED', 'SUBMITTED', 'finished', 'finished', true],
    ['APPROVED', 'APPROVED', 'APPROVED', 'finished', 'finished', true],
    ['DENIED', 'APPROVED', 'DENIED', 'finished', 'finished', true],
    ['DENIED', 'SUBMITTED', 'PENDING', 'finished', 'decided', false],
  ])('application %s, customer %s, agent %s → %s, %s (both done: %s)', (applicationStatus, customer, agent, customerPhase, agentsPhase, done) => {
    const data = withAgent(applicationStatus, customer, agent)
    expect(verificationPhase(data)).toBe(customerPhase)
    expect(agentPhase(data)).toBe(agentsPhase)
    expect(everyPhoneDone(data)).toBe(done)
  })

  it('has no agent phase without an agent', () => {
    const data = currentVerification('IN_REVIEW', aVerification({ status: 'SUBMITTED' }))
    expect(agentPhase(data)).toBeNull()
    expect(everyPhoneDone(data)).toBe(true)
  })
})
