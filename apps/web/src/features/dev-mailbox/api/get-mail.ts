import { queryOptions, useQuery } from '@tanstack/react-query'
import { answer, api } from '#src/lib/api-client.ts'
import type { MailView } from '@kakunin/schema/dev-mailbox'

export const getMail = (id: string): Promise<MailView> => answer(api.GET('/api/dev/mailbox/{id}', { params: { path: { id } } }))

export const mailQueryOptions = (id: string) => queryOptions({ queryKey: ['dev-mailbox', 'mail', id], queryFn: () => getMail(id) })

export function useMail(id: string) {
  return useQuery(mailQueryOptions(id))
}
