import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, done } from '#src/lib/api-client.ts'
import { CURRENT_APPLICATION_KEY } from './current-application-key.ts'

/** Ends this browser's session: the server refuses its cookie from now on, and takes it away. */
export const logOut = (): Promise<undefined> => done(api.POST('/api/session/logout'))

export function useLogOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: logOut,
    // Nothing this browser read about the application stays in memory (the answers are personal
    // data), and it has no application now.
    onSuccess: () => {
      queryClient.removeQueries()
      queryClient.setQueryData(CURRENT_APPLICATION_KEY, null)
    },
  })
}
