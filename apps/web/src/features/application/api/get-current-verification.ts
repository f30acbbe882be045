import { queryOptions, useQuery } from '@tanstack/react-query'
import type { CurrentVerificationResponse } from '@kakunin/schema/verification'
import { apiFetch } from '../../../lib/api-client.ts'

/** How often the 身元確認 screen asks whether the phone has moved on. */
export const VERIFICATION_POLL_MS = 2000

export const currentVerificationKey = (id: string) => ['applications', id, 'verification'] as const

export const getCurrentVerification = (id: string) =>
  apiFetch<CurrentVerificationResponse>(`/applications/${encodeURIComponent(id)}/verifications/current`)

/** Still waiting for the phone: a QR code is shown (or in use) and the phone flow has not finished. */
export function isWaitingForPhone(data: CurrentVerificationResponse | undefined): boolean {
  if (!data) return false
  const { applicationStatus, verification } = data
  const open = verification?.status === 'PENDING' || verification?.status === 'STARTED'
  return (applicationStatus === 'SUBMITTED' || applicationStatus === 'VERIFYING') && open
}

export const currentVerificationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: currentVerificationKey(id),
    queryFn: () => getCurrentVerification(id),
    // Follows the phone live while a QR code is open; the person is looking at the phone, so the
    // tab may well be in the background.
    refetchInterval: (query) => (isWaitingForPhone(query.state.data) ? VERIFICATION_POLL_MS : false),
    refetchIntervalInBackground: true,
  })

export function useCurrentVerification(id: string) {
  return useQuery(currentVerificationQueryOptions(id))
}
