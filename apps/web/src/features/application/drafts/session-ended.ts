import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useLocation } from 'wouter'
import { useLogOut } from '#src/features/application/api/log-out.ts'

export const SESSION_ENDED_PATH = '/apply/saved'

/** What 途中保存して終了 did, for the screen after it: where the link went, and whether this screen was saved. */
export interface SessionEnded {
  sentTo: string
  /** The screen did not validate, so only the earlier screens are saved. */
  screenUnsaved: boolean
}

// In memory only: after a reload the screen says the same without the address.
const SESSION_ENDED_KEY = ['session', 'ended'] as const

export function useSessionEnded() {
  return useQuery<SessionEnded | null>({ queryKey: SESSION_ENDED_KEY, queryFn: () => null, staleTime: Infinity }).data ?? null
}

/** 途中保存して終了, once the draft is saved and its link sent: log out, then say how to come back. */
export function useEndSession() {
  const logOut = useLogOut()
  const queryClient = useQueryClient()
  const [, navigate] = useLocation()
  return useMutation({
    mutationFn: async (ended: SessionEnded) => {
      await logOut.mutateAsync()
      queryClient.setQueryData(SESSION_ENDED_KEY, ended)
      // Replace: Back should not lead to a form this browser can no longer open.
      navigate(SESSION_ENDED_PATH, { replace: true })
    },
  })
}
