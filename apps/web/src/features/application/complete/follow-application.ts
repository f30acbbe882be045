import { useQuery } from '@tanstack/react-query'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { currentApplicationQueryOptions, getCurrentApplication } from '#src/features/application/api/get-current-application.ts'
import { isPoll } from '#src/features/application/api/poll.ts'

/** How often the screen asks whether the automated review has decided. */
const REVIEW_POLL_MS = 3000

/** How often it asks while a person decides (the owner of the verified account, the 統括管理者). */
const DECISION_POLL_MS = 5000

function pollInterval(application: ApplicantApplication | null | undefined): number | false {
  if (!application) return false
  if (application.status === 'IN_REVIEW') return REVIEW_POLL_MS
  if (application.status === 'ENHANCED_REVIEW') return DECISION_POLL_MS
  if (application.status === 'SUBMITTED' && application.flow === 'LINK_VERIFIED') return DECISION_POLL_MS
  return false
}

/**
 * The current application, read again while something is still to be decided, so that the
 * verdict shows where the applicant is. The person may well have switched tabs meanwhile; each
 * poll says it is one, so that a page left open does not keep the session alive.
 */
export function useFollowedApplication() {
  return useQuery({
    ...currentApplicationQueryOptions(),
    queryFn: (context) => getCurrentApplication({ poll: isPoll(context) }),
    refetchInterval: (query) => pollInterval(query.state.data),
    refetchIntervalInBackground: true,
  })
}
