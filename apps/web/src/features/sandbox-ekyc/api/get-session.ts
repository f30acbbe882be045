import { queryOptions, useQuery } from '@tanstack/react-query'
import type { SandboxSessionView } from '@kakunin/schema/sandbox-ekyc'
import { answer, api, ApiRequestError } from '#src/lib/api-client.ts'

export const sandboxSessionKey = (token: string) => ['sandbox-ekyc', token] as const

export const getSandboxSession = (token: string): Promise<SandboxSessionView> => answer(api.GET('/api/sandbox-ekyc/sessions/{token}', { params: { path: { token } } }))

export const sandboxSessionQueryOptions = (token: string) =>
  queryOptions({
    queryKey: sandboxSessionKey(token),
    queryFn: () => getSandboxSession(token),
    // An unknown token stays unknown: say so at once instead of asking again.
    retry: (failures, error) => !(error instanceof ApiRequestError && error.status === 404) && failures < 1,
  })

/** The session the QR code opened: its status, what was chosen and which images are in. */
export function useSandboxSession(token: string) {
  return useQuery(sandboxSessionQueryOptions(token))
}
