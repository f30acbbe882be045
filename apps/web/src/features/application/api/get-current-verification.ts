import { queryOptions, useQuery } from '@tanstack/react-query'
import type { CurrentVerificationResponse } from '@kakunin/schema/verification'
import { answer, api, pollHeaders } from '#src/lib/api-client.ts'
import { isPoll } from './poll.ts'

/** How often the 身元確認 screen asks whether the phone has moved on. */
export const VERIFICATION_POLL_MS = 2000

/** Without a QR code in use, how often it asks whether staff have decided meanwhile. */
export const DECISION_POLL_MS = 5000

export const currentVerificationKey = (id: string) => ['applications', id, 'verification'] as const

export const getCurrentVerification = (id: string, { poll = false } = {}): Promise<CurrentVerificationResponse> =>
  answer(api.GET('/api/applications/{id}/verifications/current', { params: { path: { id } }, headers: pollHeaders(poll) }))

/**
 * The application waits for its identity verification (nobody has decided it yet). With a 代理人,
 * IN_REVIEW may still wait for the other person's phone, and for the evidence of the agent's ground.
 */
const isAwaitingVerification = (data: CurrentVerificationResponse | undefined) =>
  data?.applicationStatus === 'SUBMITTED' ||
  data?.applicationStatus === 'VERIFYING' ||
  (data?.applicationStatus === 'IN_REVIEW' && data.agent !== null)

const inUse = (status: string | undefined) => status === 'PENDING' || status === 'STARTED'

/** Still waiting for a phone: a QR code is shown (or in use) and its phone flow has not finished. */
export function isWaitingForPhone(data: CurrentVerificationResponse | undefined): boolean {
  return isAwaitingVerification(data) && (inUse(data?.verification?.status) || inUse(data?.agent?.verification?.status))
}

export const currentVerificationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: currentVerificationKey(id),
    queryFn: (context) => getCurrentVerification(id, { poll: isPoll(context) }),
    // Follows the phone live while a QR code is open; the person is looking at the phone, so the
    // tab may well be in the background. Until the application is decided, a staff decision
    // (a denial to correct) is noticed too, less often.
    refetchInterval: ({ state: { data } }) =>
      isWaitingForPhone(data) ? VERIFICATION_POLL_MS : isAwaitingVerification(data) ? DECISION_POLL_MS : false,
    refetchIntervalInBackground: true,
  })

export function useCurrentVerification(id: string) {
  return useQuery(currentVerificationQueryOptions(id))
}
