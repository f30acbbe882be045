import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { SandboxDetails } from '@kakunin/schema/sandbox-ekyc'
import { apiFetch } from '#src/lib/api-client.ts'
import { sandboxSessionKey, sessionPath } from './get-session.ts'

/** 送信: the details printed on the document; the vendor's review starts. */
export const completeSession = (token: string, body: SandboxDetails) =>
  apiFetch<undefined>(`${sessionPath(token)}/complete`, { method: 'POST', body })

export function useCompleteSession(token: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SandboxDetails) => completeSession(token, body),
    // Sent: the session says so, and the screen follows; refused: it may have expired meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxSessionKey(token) }),
  })
}
