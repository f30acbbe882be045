import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ReviewDocumentKind } from '@kakunin/schema/high-risk'
import { apiFetch } from '#src/lib/api-client.ts'
import { CURRENT_APPLICATION_KEY } from './current-application-key.ts'

/** 高リスク取引: one document asked for by enhanced review, as multipart/form-data in the field `file`. */
export function uploadReviewDocument(id: string, kind: ReviewDocumentKind, file: File) {
  const body = new FormData()
  body.append('file', file)
  return apiFetch<undefined>(`/applications/${encodeURIComponent(id)}/review-documents/${kind}`, { method: 'POST', body })
}

export function useUploadReviewDocument(id: string, kind: ReviewDocumentKind) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => uploadReviewDocument(id, kind, file),
    // Which documents are in comes with the application; a refusal may mean it has moved on (409).
    onSettled: () => queryClient.invalidateQueries({ queryKey: CURRENT_APPLICATION_KEY }),
  })
}
