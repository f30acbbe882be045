import { createHash } from 'node:crypto'
import { detectImageType } from '#src/http/image-type.ts'
import { ApiError } from './api-error.ts'

/**
 * What a review document may be, by its bytes: a photo (JPEG, PNG, WebP, HEIC) whose header
 * decodes, or a PDF (a 確定申告書 may be one).
 */
export function detectDocumentType(bytes: Buffer): string | null {
  if (isPdf(bytes)) return 'application/pdf'
  return detectImageType(bytes)
}

/**
 * An uploaded document as it is kept: its type read from the bytes and its SHA-256; 400 on `file`
 * (naming the document by `label`) when the bytes are neither an image nor a PDF.
 */
export function readDocument(bytes: Buffer, label: string): { type: string; sha256: string } {
  const type = detectDocumentType(bytes)
  if (!type) {
    const message = `${label}は、画像（JPEG、PNG、HEIC、WebP）またはPDFで提出してください。`
    throw new ApiError(400, 'VALIDATION_FAILED', message, { file: message })
  }
  return { type, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/**
 * A PDF opens with its version (%PDF-1.0 to %PDF-2.0) and ends with the pointer to its
 * cross-reference table (startxref, then %%EOF, perhaps followed by line ends or the NUL padding some scanners add). A file that only
 * starts like one was cut off or is something else under a PDF name.
 */
function isPdf(bytes: Buffer) {
  if (!/^%PDF-(1\.[0-7]|2\.0)\s/.test(bytes.subarray(0, 9).toString('latin1'))) return false
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1')
  return /startxref\s+\d+\s+%%EOF[\s\0]*$/.test(tail)
}
