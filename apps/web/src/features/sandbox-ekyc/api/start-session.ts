import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { DocumentType, SandboxMethod } from '@kakunin/schema/sandbox-ekyc'
import { api, done } from '#src/lib/api-client.ts'
import { sandboxSessionKey } from './get-session.ts'

export interface StartInput {
  method: SandboxMethod
  documentType: DocumentType
}

/** The method and document chosen (again: choosing anew discards the images taken so far). */
export const startSession = (token: string, body: StartInput): Promise<undefined> =>
  done(api.POST('/api/sandbox-ekyc/sessions/{token}/start', { params: { path: { token } }, body }))

export function useStartSession(token: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: StartInput) => startSession(token, body),
    // Refused (expired, already sent) or not, the session as it now is decides the screen.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxSessionKey(token) }),
  })
}
