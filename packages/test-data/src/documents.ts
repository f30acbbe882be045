import type { userStep } from '@kakunin/schema/form/user-step'
import type { z } from '@kakunin/schema/zod'

/** What the sandbox phone reads from the ID of someone who declared `user`: the same person. */
export function documentDetails(user: z.input<typeof userStep>) {
  const { prefecture, city, town, building } = user.address
  return { familyName: user.familyName, givenName: user.givenName, birthDate: user.birthDate, address: `${prefecture}${city}${town}${building ?? ''}` }
}

/** The first bytes of the image and document types uploads are recognised by. */
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])
export const PDF = Buffer.from('%PDF-1.4\n%kakunin test\n')
