import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../../lib/api-client.ts'

export interface MailView {
  id: string
  template: string
  to: string
  subject: string
  text: string
  html: string
  status: 'PENDING' | 'SENT' | 'FAILED'
  deliveredTo: string | null
  createdAt: string
}

/** The development mailbox: the newest mails first, optionally for one address. */
export const getMailbox = (to: string) =>
  apiFetch<{ mails: MailView[] }>(`/dev/mailbox${to ? `?to=${encodeURIComponent(to)}` : ''}`)

export const mailboxQueryOptions = (to: string) =>
  queryOptions({ queryKey: ['dev-mailbox', to], queryFn: () => getMailbox(to), placeholderData: keepPreviousData })

export function useMailbox(to: string) {
  return useQuery(mailboxQueryOptions(to))
}
