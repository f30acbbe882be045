import { detectImageType } from '#src/http/image-type.ts'

/**
 * What a review document may be, by its bytes: a photo (JPEG, PNG, WebP, HEIC) whose header
 * decodes, or a PDF (a 確定申告書 may be one).
 */
export function detectDocumentType(bytes: Buffer): string | null {
  if (isPdf(bytes)) return 'application/pdf'
  return detectImageType(bytes)
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
