import { useMutation } from '@tanstack/react-query'
import { answer, api } from '#src/lib/api-client.ts'

export type OwnerAnswer = 'CONFIRM' | 'DECLINE'

/**
 * The owner of the verified account answers the emailed link: POST, no body. Any link that cannot
 * be used (unknown, used, expired) is the same 404; 409 when the application cannot be decided.
 */
export const answerOwnerConfirmation = ({ token, answer: choice }: { token: string; answer: OwnerAnswer }): Promise<{ answer: OwnerAnswer }> =>
  answer(api.POST(choice === 'CONFIRM' ? '/api/owner-confirmations/{token}/confirm' : '/api/owner-confirmations/{token}/decline', { params: { path: { token } } }))

export function useAnswerOwnerConfirmation() {
  return useMutation({ mutationFn: answerOwnerConfirmation })
}
