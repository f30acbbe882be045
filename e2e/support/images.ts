import { pngImage } from '@kakunin/test-data/images'

export { JPEG_IMAGE, pdfDocument, pngImage } from '@kakunin/test-data/images'

/** A file as a phone's file input hands it over. */
export const photo = (name: string, buffer = pngImage()) => ({ name, mimeType: 'image/png', buffer })
