/**
 * Whether a string is a 個人番号 (マイナンバー): 12 digits whose last is the check digit of the
 * other 11 (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令8条, 総務省令
 * 85号5条). A business may not collect or keep one except for 個人番号関係事務 (番号法15条・20条),
 * so kakunin refuses it wherever a document number is typed. A 運転免許証's 12 digits end in its
 * reissue count (nearly always 0), which fits the check digit about 2 times in 11: callers that
 * know the document is a licence do not ask.
 */
export function isIndividualNumber(value: string): boolean {
  // Every separator a number can be written with (dashes of any kind, dots, spaces) is dropped.
  const digits = value.normalize('NFKC').replace(/\D/g, '')
  if (!/^\d{12}$/.test(digits)) return false
  const body = [...digits.slice(0, 11)].map(Number).reverse()
  const sum = body.reduce((total, digit, index) => total + digit * (index < 6 ? index + 2 : index - 4), 0)
  const remainder = sum % 11
  return Number(digits[11]) === (remainder <= 1 ? 0 : 11 - remainder)
}
