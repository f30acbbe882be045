import { normalizeAddress, normalizeText } from '@kakunin/schema/address-notation'
import type { ComparingData, Mismatch } from '#src/verification/provider.ts'

/** Details as read from the ID document on the phone. */
export interface DocumentDetails {
  familyName: string
  givenName: string
  birthDate: { year: string; month: string; day: string }
  /** The address as printed: one line, in any common notation. */
  address: string
}

// 異体字 that IDs print and keyboards rarely offer. A name typed with the common form does not
// match the ID, but the applicant deserves to know why.
const VARIANTS: Record<string, string> = {
  髙: '高', 﨑: '崎', 嵜: '崎', 邊: '辺', 邉: '辺', 齋: '斎', 齊: '斉', 澤: '沢', 濱: '浜', 廣: '広',
  德: '徳', 眞: '真', 嶋: '島', 國: '国', 櫻: '桜', 龍: '竜', 舘: '館', 冨: '富', 槇: '槙', 籠: '篭',
  瀨: '瀬', 藪: '薮', 隆: '隆', 惠: '恵', 榮: '栄', 實: '実', 壽: '寿', 條: '条', 淺: '浅', 黑: '黒',
}

const foldVariants = (value: string) => [...value].map((character) => VARIANTS[character] ?? character).join('')

function compareText(field: string, declared: string, printed: string, reason: Mismatch['reason'], label: string, normalize = normalizeText): Mismatch | null {
  const a = normalize(declared)
  const b = normalize(printed)
  if (a === b) return null
  if (foldVariants(a) === foldVariants(b)) {
    const differing = [...b].filter((character, index) => character !== [...a][index]).join('')
    return {
      field,
      reason: 'VARIANT_CHARACTER',
      hint: `${label}の字体が本人確認書類と異なります（本人確認書類では「${differing}」）。本人確認書類と同じ字で入力してください。`,
    }
  }
  return { field, reason, hint: `${label}が本人確認書類の記載と一致しません。本人確認書類のとおりに入力してください。` }
}

/**
 * The sandbox reviewer's comparison of what the applicant declared with what the ID says,
 * forgiving width, spaces and address notation but not spelling: 犯収法 requires the 本人特定事項
 * to match the document.
 */
export function compareIdentity(declared: ComparingData, printed: DocumentDetails): Mismatch[] {
  const mismatches = [
    compareText('user.familyName', declared.familyName, printed.familyName, 'NAME_MISMATCH', '氏名（姓）'),
    compareText('user.givenName', declared.givenName, printed.givenName, 'NAME_MISMATCH', '氏名（名）'),
  ]
  const sameDate = (['year', 'month', 'day'] as const).every(
    (part) => Number(normalizeText(declared.birthDate[part])) === Number(normalizeText(printed.birthDate[part])),
  )
  if (!sameDate) {
    mismatches.push({ field: 'user.birthDate', reason: 'BIRTHDATE_MISMATCH', hint: '生年月日が本人確認書類の記載と一致しません。' })
  }
  const { prefecture, city, town, building } = declared.address
  mismatches.push(
    compareText('user.address', `${prefecture}${city}${town}${building}`, printed.address, 'ADDRESS_MISMATCH', '住所', normalizeAddress),
  )
  return mismatches.filter((mismatch): mismatch is Mismatch => mismatch !== null)
}
