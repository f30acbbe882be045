import { detectImageType } from '#src/http/image-type.ts'

/** What a review document may be, by its bytes: a photo (JPEG, PNG, WebP, HEIC) or a PDF (a 確定申告書 may be one). */
export function detectDocumentType(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  return detectImageType(bytes)
}
