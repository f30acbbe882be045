import { z } from './zod.ts'
import { PREFECTURES } from './prefectures.ts'
import { addressLine } from './text.ts'

/** 郵便番号 with or without the hyphen, in any width; stored as 123-4567. */
export const postalCode = z.string().check(
  z.normalize('NFKC'),
  z.overwrite((value) => value.replace(/^〒/, '').replace(/[\s\u2010-\u2015\u2212\u30fc-]/g, '')),
  z.minLength(1, '郵便番号を入力してください'),
  z.regex(/^\d{7}$/, '郵便番号は7桁の数字で入力してください（例：150-0002）'),
  z.overwrite((value) => `${value.slice(0, 3)}-${value.slice(3)}`),
)

export const address = z.strictObject({
  postalCode,
  prefecture: z.enum(PREFECTURES, '都道府県を選択してください'),
  city: addressLine(50, true, '市区町村を入力してください'),
  town: addressLine(100, true, '町域・番地を入力してください'),
  building: addressLine(100, false),
})
export type Address = z.infer<typeof address>

export function formatAddress(value: Address): string {
  return `〒${value.postalCode} ${value.prefecture}${value.city}${value.town}${value.building ? ` ${value.building}` : ''}`
}
