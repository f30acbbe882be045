import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { apiFetch, ApiRequestError } from '#src/lib/api-client.ts'
import { CURRENT_APPLICATION_KEY } from './current-application-key.ts'

/** The application of this browser's session, or null when the session has none. */
export async function getCurrentApplication({ poll = false } = {}): Promise<ApplicantApplication | null> {
  try {
    return await apiFetch<ApplicantApplication>('/applications/current', { poll })
  } catch (error) {
    // No application yet is an answer, not a failure: nothing to retry, nothing to report.
    if (error instanceof ApiRequestError && error.status === 404) return null
    throw error
  }
}

export const currentApplicationQueryOptions = () =>
  queryOptions({ queryKey: CURRENT_APPLICATION_KEY, queryFn: () => getCurrentApplication() })

export function useCurrentApplication() {
  return useQuery(currentApplicationQueryOptions())
}
