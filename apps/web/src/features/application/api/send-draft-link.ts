import { useMutation } from '@tanstack/react-query'
import { apiFetch } from '#src/lib/api-client.ts'

/** Emails a single-use link to continue later to the Twilioコンソールログイン用メールアドレス. */
export const sendDraftLink = (id: string) =>
  apiFetch<{ sentTo: string }>(`/applications/${encodeURIComponent(id)}/draft-link`, { method: 'POST' })

export function useSendDraftLink() {
  return useMutation({ mutationFn: sendDraftLink })
}
