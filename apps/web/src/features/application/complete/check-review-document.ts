import { UPLOAD_MAX_BYTES, UPLOAD_TYPES } from '@kakunin/schema/sandbox-ekyc'

/** What a review document may be: a photo, or a PDF (a 確定申告書 may well be one). */
export const REVIEW_DOCUMENT_ACCEPT = 'image/*,application/pdf'

const MAX_MB = UPLOAD_MAX_BYTES / 1024 / 1024
export const REVIEW_DOCUMENT_FORMATS = `画像（JPEG、PNG、HEIC、WebP）またはPDF、${MAX_MB}MBまで`
export const NOT_A_DOCUMENT_MESSAGE = '画像（JPEG、PNG、HEIC、WebP）またはPDFのファイルを選択してください'
export const DOCUMENT_TOO_LARGE_MESSAGE = `ファイルは${MAX_MB}MBまでです。サイズを小さくして、もう一度選択してください`

const DOCUMENT_TYPES: readonly string[] = [...UPLOAD_TYPES, 'image/heif', 'application/pdf']
const DOCUMENT_NAME = /\.(jpe?g|png|heic|heif|webp|pdf)$/i

/**
 * What the browser can tell before sending: the type the file claims (or, when it claims none,
 * its name) and its size. The API decides by the bytes in the end.
 */
export function checkReviewDocument(file: File): string | undefined {
  const knownType = file.type ? DOCUMENT_TYPES.includes(file.type) : DOCUMENT_NAME.test(file.name)
  if (!knownType) return NOT_A_DOCUMENT_MESSAGE
  if (file.size === 0) return 'ファイルが空です。もう一度選択してください'
  if (file.size > UPLOAD_MAX_BYTES) return DOCUMENT_TOO_LARGE_MESSAGE
  return undefined
}
