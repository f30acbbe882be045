import { queryOptions, useQuery } from '@tanstack/react-query'
import type { PublicConfig } from '@kakunin/schema/public-config'
import { answer, api } from '#src/lib/api-client.ts'

/** What the SPA may know of the server's configuration: the mail domain and the operator. */
export type { PublicConfig }

export const getPublicConfig = (): Promise<PublicConfig> => answer(api.GET('/api/config'))

export const publicConfigQueryOptions = () =>
  // Fixed while the server runs: read once per visit.
  queryOptions({ queryKey: ['config'], queryFn: getPublicConfig, staleTime: Infinity })

export function usePublicConfig() {
  return useQuery(publicConfigQueryOptions())
}

/** Who collects the applicant's data (OPERATOR_NAME …); undefined until the configuration is read. */
export const useOperator = () => usePublicConfig().data?.operator
