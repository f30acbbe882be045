import { REVIEW_DOCUMENT_HINTS, REVIEW_DOCUMENT_LABELS, type ReviewDocumentKind } from '@kakunin/schema/high-risk'
import { useUploadReviewDocument } from '#src/features/application/api/upload-review-document.ts'
import { DocumentUpload } from './document-upload.tsx'

export const reviewDocumentInputId = (kind: ReviewDocumentKind) => `review-document-${kind}`

/** One document enhanced review asks for; 提出済み comes from the application (`uploaded`). */
export function ReviewDocumentUpload({ applicationId, kind, uploaded }: { applicationId: string; kind: ReviewDocumentKind; uploaded: boolean }) {
  const upload = useUploadReviewDocument(applicationId, kind)
  return (
    <DocumentUpload
      id={reviewDocumentInputId(kind)}
      name={kind}
      label={REVIEW_DOCUMENT_LABELS[kind]}
      hint={<p>{REVIEW_DOCUMENT_HINTS[kind]}</p>}
      required
      uploaded={uploaded}
      upload={upload}
    />
  )
}
