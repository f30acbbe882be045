import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ResumeLinkRedeemed } from '@kakunin/schema/resume-link'
import { answer, api } from '#src/lib/api-client.ts'
import { currentApplicationQueryOptions } from './get-current-application.ts'

/** Uses an emailed link: the API marks it used and gives this browser the application's session. */
export const redeemResumeToken = (token: string): Promise<ResumeLinkRedeemed> => answer(api.POST('/api/resume/{token}', { params: { path: { token } } }))

export function useRedeemResumeToken() {
  const queryClient = useQueryClient()
  return useMutation({
    // The session is new: whatever this browser knew about "its" application is out of date.
    mutationFn: async (token: string) => {
      await redeemResumeToken(token)
      return queryClient.fetchQuery({ ...currentApplicationQueryOptions(), staleTime: 0 })
    },
  })
}
