import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '#src/lib/api-client.ts'

/** What the SPA may know of the server's configuration. */
export interface PublicConfig {
  /** The domain our emails come from, which applicants are asked to allow (迷惑メール対策). */
  mailDomain: string
}

export const getPublicConfig = () => apiFetch<PublicConfig>('/config')

export const publicConfigQueryOptions = () =>
  // Fixed while the server runs: read once per visit.
  queryOptions({ queryKey: ['config'], queryFn: getPublicConfig, staleTime: Infinity })

export function usePublicConfig() {
  return useQuery(publicConfigQueryOptions())
}
