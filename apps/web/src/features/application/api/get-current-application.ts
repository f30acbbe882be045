import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { answer, api, pollHeaders } from '#src/lib/api-client.ts'
import { CURRENT_APPLICATION_KEY } from './current-application-key.ts'

/** The application of this browser's session, or null when the session has none. */
export async function getCurrentApplication({ poll = false } = {}): Promise<ApplicantApplication | null> {
  // None yet is 204, an answer rather than a failure: nothing to retry, nothing to report.
  return (await answer(api.GET('/api/applications/current', { headers: pollHeaders(poll) }))) ?? null
}

export const currentApplicationQueryOptions = () =>
  queryOptions({ queryKey: CURRENT_APPLICATION_KEY, queryFn: () => getCurrentApplication() })

export function useCurrentApplication() {
  return useQuery(currentApplicationQueryOptions())
}
