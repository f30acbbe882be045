import { useMutation } from '@tanstack/react-query'
import { answer, api } from '#src/lib/api-client.ts'

/** From a link that no longer works: a fresh one to the same address (the answer never says whether). */
export const renewResumeLink = (token: string): Promise<{ message: string }> =>
  answer(api.POST('/api/resume/{token}/renew', { params: { path: { token } } }))

export function useRenewResumeLink() {
  return useMutation({ mutationFn: renewResumeLink })
}
