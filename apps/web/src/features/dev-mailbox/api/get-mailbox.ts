import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { MailboxResponse } from '@kakunin/schema/dev-mailbox'
import { answer, api } from '#src/lib/api-client.ts'

/** The development mailbox: the newest mails first, optionally for one address. */
export const getMailbox = (to: string): Promise<MailboxResponse> => answer(api.GET('/api/dev/mailbox', { params: { query: to ? { to } : {} } }))

export const mailboxQueryOptions = (to: string) =>
  queryOptions({ queryKey: ['dev-mailbox', to], queryFn: () => getMailbox(to), placeholderData: keepPreviousData })

export function useMailbox(to: string) {
  return useQuery(mailboxQueryOptions(to))
}
