import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ReviewDocumentKind } from '@kakunin/schema/high-risk'
import { filePart } from '@kakunin/api-client'
import { api, done } from '#src/lib/api-client.ts'
import { CURRENT_APPLICATION_KEY } from './current-application-key.ts'

/** 高リスク取引: one document asked for by enhanced review, as multipart/form-data in the field `file`. */
export const uploadReviewDocument = (id: string, kind: ReviewDocumentKind, file: File): Promise<undefined> =>
  done(api.POST('/api/applications/{id}/review-documents/{kind}', { params: { path: { id, kind } }, ...filePart(file) }))

export function useUploadReviewDocument(id: string, kind: ReviewDocumentKind) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => uploadReviewDocument(id, kind, file),
    // Which documents are in comes with the application; a refusal may mean it has moved on (409).
    onSettled: () => queryClient.invalidateQueries({ queryKey: CURRENT_APPLICATION_KEY }),
  })
}
