import { useMutation } from '@tanstack/react-query'
import { answer, api } from '#src/lib/api-client.ts'

/** Emails a single-use link to continue later to the Twilioコンソールログイン用メールアドレス. */
export const sendDraftLink = (id: string): Promise<{ sentTo: string }> =>
  answer(api.POST('/api/applications/{id}/draft-link', { params: { path: { id } } }))

export function useSendDraftLink() {
  return useMutation({ mutationFn: sendDraftLink })
}
