import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CurrentVerificationResponse, VerificationView } from '@kakunin/schema/verification'
import { answer, api } from '#src/lib/api-client.ts'
import { currentVerificationKey } from './get-current-verification.ts'

/** The 代理人's own session (犯収法4条4項): a second QR code, for the agent's phone. */
export const startAgentVerification = (id: string): Promise<VerificationView> =>
  answer(api.POST('/api/applications/{id}/verifications/agent', { params: { path: { id } } }))

export function useStartAgentVerification(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => startAgentVerification(id),
    // The new session is the agent's current one; polling picks up from it.
    onSuccess: (verification) =>
      queryClient.setQueryData<CurrentVerificationResponse>(currentVerificationKey(id), (previous) =>
        previous?.agent ? { ...previous, agent: { ...previous.agent, verification } } : previous,
      ),
  })
}
