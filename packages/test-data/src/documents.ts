import type { userStep } from '@kakunin/schema/form/user-step'
import type { z } from '@kakunin/schema/zod'
import { JPEG_IMAGE, pdfDocument, pngImage } from './images.ts'

/** What the sandbox phone reads from the ID of someone who declared `user`: the same person. */
export function documentDetails(user: z.input<typeof userStep>) {
  const { prefecture, city, town, building } = user.address
  return { familyName: user.familyName, givenName: user.givenName, birthDate: user.birthDate, address: `${prefecture}${city}${town}${building ?? ''}` }
}

/** A photo and a scanned document as uploads send them: real files, tiny. */
export const PNG = pngImage()
export const JPEG = JPEG_IMAGE
export const PDF = pdfDocument('kakunin test')
