import { useEffect, useState } from 'react'
import { useLocation } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { useCurrentApplication } from '#src/features/application/api/get-current-application.ts'
import { useCurrentVerification } from '#src/features/application/api/get-current-verification.ts'
import { useSendDraftLink } from '#src/features/application/api/send-draft-link.ts'
import { useStartAgentVerification } from '#src/features/application/api/start-agent-verification.ts'
import { useStartVerification } from '#src/features/application/api/start-verification.ts'
import { COMPLETE_PATH } from '#src/features/application/apply-paths.ts'
import { useFollowedApplication } from '#src/features/application/complete/follow-application.ts'
import { everyPhoneDone, verificationPhase } from './verification-phase.ts'

/** The application statuses in which the phone flow is still to be done. */
const AWAITING_PHONE: readonly string[] = ['SUBMITTED', 'VERIFYING']

/** With a 代理人, IN_REVIEW may still wait for the other person's phone: only a decision ends both. */
export const AWAITING_A_PHONE: readonly string[] = [...AWAITING_PHONE, 'IN_REVIEW']

/**
 * What 身元確認用フォーム follows: the current verification (the customer's session and, with a
 * 代理人, the agent's), the opening of each QR code, and whether the phones are done.
 */
export function useVerificationFlow(application: ApplicantApplication) {
  const current = useCurrentApplication()
  const followed = useFollowedApplication()
  const [, navigate] = useLocation()
  const verification = useCurrentVerification(application.id)
  const start = useStartVerification(application.id)
  const startAgent = useStartAgentVerification(application.id)
  const draftLink = useSendDraftLink()
  const [moving, setMoving] = useState(false)

  const data = verification.data
  const agent = data?.agent ?? null
  // Known from the answers before the verification is read, so the page never looks done too early.
  const withAgent = data ? agent !== null : application.answers.agent?.hasAgent === 'YES'
  const phase = data ? verificationPhase(data) : undefined
  const allDone = data ? everyPhoneDone(data) : false
  const awaiting = withAgent ? AWAITING_A_PHONE : AWAITING_PHONE

  // The verification's poll sees the application move on (in review, or decided by staff without
  // the phone); the application, read again, brings the verdict's details, which show in place.
  // From then on the application is followed by itself until it is decided.
  const { refetch: refetchApplication } = followed
  const movedTo = data?.applicationStatus
  useEffect(() => {
    if (movedTo && movedTo !== application.status && awaiting.includes(application.status)) void refetchApplication()
  }, [movedTo, application.status, awaiting, refetchApplication])

  // Past the phones: every person's phone flow is done, or the application was decided without them.
  const phonesOpen = AWAITING_PHONE.includes(application.status) || (withAgent && application.status === 'IN_REVIEW' && !allDone)
  const pastPhone = !phonesOpen

  // The phone has finished: お申し込み完了, read afresh (the user's own request, not a poll), shows
  // where the application stands; a denial is corrected from the button shown here instead.
  async function onNext() {
    setMoving(true)
    await current.refetch()
    setMoving(false)
    navigate(COMPLETE_PATH)
  }

  return {
    verification,
    data,
    agent,
    withAgent,
    phase,
    allDone,
    pastPhone,
    canGoOn: (allDone || pastPhone) && application.status !== 'DENIED',
    review: application.status === 'ENHANCED_REVIEW' ? application.enhancedReview : null,
    start,
    startAgent,
    draftLink,
    moving,
    onStart: () => {
      draftLink.reset()
      start.mutate()
    },
    onStartAgent: () => {
      draftLink.reset()
      startAgent.mutate()
    },
    onNext: () => void onNext(),
  }
}

export type VerificationFlow = ReturnType<typeof useVerificationFlow>
