import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ResumeLinkPreview } from '@kakunin/schema/resume-link'
import { answer, api } from '#src/lib/api-client.ts'

/** Whose application an emailed link continues, read without using the link up. */
export const previewResumeLink = (token: string): Promise<ResumeLinkPreview> => answer(api.GET('/api/resume/{token}', { params: { path: { token } } }))

export const resumeLinkPreviewQueryOptions = (token: string) =>
  // A refused link (404) stays refused: asking again cannot change the answer.
  queryOptions({ queryKey: ['resume-links', token], queryFn: () => previewResumeLink(token), retry: false, staleTime: Infinity })

export function useResumeLinkPreview(token: string) {
  return useQuery(resumeLinkPreviewQueryOptions(token))
}
