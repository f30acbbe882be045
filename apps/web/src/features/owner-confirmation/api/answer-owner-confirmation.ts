import { useMutation } from '@tanstack/react-query'
import { apiFetch } from '#src/lib/api-client.ts'

export type OwnerAnswer = 'CONFIRM' | 'DECLINE'

/**
 * The owner of the verified account answers the emailed link: POST, no body. Any link that cannot
 * be used (unknown, used, expired) is the same 404; 409 when the application cannot be decided.
 */
export const answerOwnerConfirmation = ({ token, answer }: { token: string; answer: OwnerAnswer }) =>
  apiFetch<{ answer: OwnerAnswer }>(`/owner-confirmations/${encodeURIComponent(token)}/${answer === 'CONFIRM' ? 'confirm' : 'decline'}`, {
    method: 'POST',
  })

export function useAnswerOwnerConfirmation() {
  return useMutation({ mutationFn: answerOwnerConfirmation })
}
