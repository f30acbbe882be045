import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CurrentVerificationResponse, VerificationView } from '@kakunin/schema/verification'
import { answer, api } from '#src/lib/api-client.ts'
import { currentVerificationKey } from './get-current-verification.ts'

/** 利用者身元確認プランの確認を行う: opens a verification session (a QR code) for the application. */
export const startVerification = (id: string): Promise<VerificationView> =>
  answer(api.POST('/api/applications/{id}/verifications', { params: { path: { id } } }))

export function useStartVerification(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => startVerification(id),
    // The new session is the current one; polling picks up from it.
    onSuccess: (verification) =>
      queryClient.setQueryData<CurrentVerificationResponse>(currentVerificationKey(id), (previous) => ({
        applicationStatus: previous?.applicationStatus ?? 'SUBMITTED',
        verification,
        agent: previous?.agent ?? null,
      })),
  })
}
