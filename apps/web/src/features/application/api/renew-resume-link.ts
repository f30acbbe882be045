import { useMutation } from '@tanstack/react-query'
import { apiFetch } from '#src/lib/api-client.ts'

/** From a link that no longer works: a fresh one to the same address (the answer never says whether). */
export const renewResumeLink = (token: string) =>
  apiFetch<{ message: string }>(`/resume/${encodeURIComponent(token)}/renew`, { method: 'POST' })

export function useRenewResumeLink() {
  return useMutation({ mutationFn: renewResumeLink })
}
