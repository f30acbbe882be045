// Applications and verifications as the applicant's API answers them, built and checked by the
// shared schemas: data the API could not send fails here, in the test that uses it.
import { applicantApplication, type ApplicantApplication } from '@kakunin/schema/application'
import { validLogin, validType, validUser } from './answers.ts'
import {
  agentVerificationView,
  verificationView,
  type AgentVerificationView,
  type CurrentVerificationResponse,
  type VerificationView,
} from '@kakunin/schema/verification'
import type { z } from '@kakunin/schema/zod'

export const APPLICATION_ID = '3f1c2a4e-8b7d-4c6a-9e5f-1a2b3c4d5e6f'
export const VERIFICATION_ID = '7d2e4b1a-5c3f-4e8d-a9b6-0c1d2e3f4a5b'
export const AGENT_VERIFICATION_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
export const AGENT_EVIDENCE_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'

/** The applicant's application as `GET /api/applications/current` answers it; a first-time draft unless told otherwise. */
export function anApplication(overrides: Partial<z.input<typeof applicantApplication>> = {}): ApplicantApplication {
  return applicantApplication.parse({
    id: APPLICATION_ID,
    reference: 'KYC-20261201-0001',
    flow: 'FIRST_TIME',
    status: 'DRAFT',
    version: 3,
    createdAt: '2026-12-01T01:00:00.000Z',
    updatedAt: '2026-12-01T01:05:00.000Z',
    answers: { type: validType, login: validLogin },
    resumeAt: 'user',
    submittedAt: null,
    denial: null,
    ownerConfirmation: null,
    enhancedReview: null,
    ...overrides,
  })
}

/** A first-time application with every step up to 利用者情報 answered. */
export const withUserAnswered = (overrides: Partial<z.input<typeof applicantApplication>> = {}) =>
  anApplication({ answers: { type: validType, login: validLogin, user: validUser }, ...overrides })

/** A verification session as the applicant's page sees it; a fresh QR code unless told otherwise. */
export function aVerification(overrides: Partial<z.input<typeof verificationView>> = {}): VerificationView {
  return verificationView.parse({
    id: VERIFICATION_ID,
    subject: 'CUSTOMER',
    status: 'PENDING',
    url: 'http://localhost/m/verify/test-token',
    // A 1×1 PNG: the page shows whatever image the API drew.
    qrCode: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    expiresAt: '2026-12-01T01:35:00.000Z',
    mismatches: [],
    ...overrides,
  })
}

export const currentVerification = (
  applicationStatus: CurrentVerificationResponse['applicationStatus'],
  verification: VerificationView | null,
  agent: CurrentVerificationResponse['agent'] = null,
): CurrentVerificationResponse => ({ applicationStatus, verification, agent })

/** The agent's own session: another QR code, its own token. */
export const anAgentSession = (overrides: Partial<z.input<typeof verificationView>> = {}): VerificationView =>
  aVerification({ id: AGENT_VERIFICATION_ID, subject: 'AGENT', url: 'http://localhost/m/verify/agent-token', ...overrides })

/**
 * A declared 代理人 as the applicant's 身元確認 page sees them: 山田 花子, 家族 (a relative, who may
 * live at the customer's address), no session yet, nothing uploaded, the ground not decided.
 */
export function anAgent(overrides: Partial<z.input<typeof agentVerificationView>> = {}): AgentVerificationView {
  return agentVerificationView.parse({
    name: '山田 花子',
    relationship: 'FAMILY',
    verification: null,
    evidenceKind: 'POWER_OF_ATTORNEY',
    evidenceRequired: false,
    evidence: [],
    groundDecided: false,
    ...overrides,
  })
}
