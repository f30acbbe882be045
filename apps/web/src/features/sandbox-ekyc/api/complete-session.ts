import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { SandboxDetails } from '@kakunin/schema/sandbox-ekyc'
import { api, done } from '#src/lib/api-client.ts'
import { sandboxSessionKey } from './get-session.ts'

/** 送信: the details printed on the document; the vendor's review starts. */
export const completeSession = (token: string, body: SandboxDetails): Promise<undefined> =>
  done(api.POST('/api/sandbox-ekyc/sessions/{token}/complete', { params: { path: { token } }, body }))

export function useCompleteSession(token: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SandboxDetails) => completeSession(token, body),
    // Sent: the session says so, and the screen follows; refused: it may have expired meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxSessionKey(token) }),
  })
}
