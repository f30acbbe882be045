import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '#src/lib/api-client.ts'
import type { MailView } from '@kakunin/schema/dev-mailbox'

export const getMail = (id: string) => apiFetch<MailView>(`/dev/mailbox/${encodeURIComponent(id)}`)

export const mailQueryOptions = (id: string) => queryOptions({ queryKey: ['dev-mailbox', 'mail', id], queryFn: () => getMail(id) })

export function useMail(id: string) {
  return useQuery(mailQueryOptions(id))
}
