import { z } from './zod.ts'

// Text rules shared by every field a person types. NFKC folds full-width letters and digits and
// half-width katakana; it leaves dash look-alikes alone, which addresses fold separately.

// Controls (Cc), invisible format characters (Cf: bidi overrides and isolates, zero-width
// characters, soft hyphen…) that can make a name look different to a reviewer, line and paragraph
// separators, the combining grapheme joiner, and unpaired UTF-16 surrogates (Cs: no character at
// all, and PostgreSQL refuses them). NUL is a control too. U+FFFD, the replacement character, is
// what a decoder leaves of bytes that were not UTF-8 (or of a lone surrogate sent raw): nobody
// types it, so storing it would silently keep a corrupted answer. Ideographic variation selectors
// stay allowed: some names need them.
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\ufffd]|\u034f/u

export const NO_CONTROL_MESSAGE = '使用できない文字（改行や制御文字など）が含まれています'

/** A single line of text: NFKC, trimmed, without control characters, 1..max characters. */
export function requiredText(max: number, requiredMessage = '入力してください') {
  return z.string().check(
    z.normalize('NFKC'),
    z.trim(),
    z.minLength(1, requiredMessage),
    z.maxLength(max),
    z.refine((value) => !CONTROL.test(value), NO_CONTROL_MESSAGE),
  )
}

/** Like requiredText, but an empty value is allowed and kept as ''. */
export function optionalText(max: number) {
  return z.string().check(
    z.normalize('NFKC'),
    z.trim(),
    z.maxLength(max),
    z.refine((value) => !CONTROL.test(value), NO_CONTROL_MESSAGE),
  )
}

// Katakana, the prolonged sound mark and the middle dot used between parts of foreign names.
const KATAKANA = /^[\u30a1-\u30fa\u30fb\u30fc-\u30fe]+$/

/** ひらがな (and ゝゞ) as the katakana at the same place, 0x60 further: the reading is the same. */
export function toKatakana(value: string): string {
  return value.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
}

export function katakana(max: number, requiredMessage = 'フリガナを入力してください') {
  return z.string().check(
    z.normalize('NFKC'),
    z.refine((value) => !CONTROL.test(value), NO_CONTROL_MESSAGE),
    // Folded rather than refused: a person who types やまだ means ヤマダ.
    z.overwrite(toKatakana),
    // Spaces between parts of a name are dropped: セイ and メイ are separate fields already.
    z.overwrite((value) => value.replace(/[ \u3000]/g, '')),
    z.minLength(1, requiredMessage),
    z.maxLength(max),
    z.regex(KATAKANA, 'フリガナは全角カタカナで入力してください'),
  )
}

// Dashes that look like a hyphen in addresses (1−2−3, 1‐2‐3, 1–2–3) but which NFKC keeps apart.
const DASHES = /[\u2010-\u2015\u2212\u2043\ufe58\ufe63]/g

export function addressLine(max: number, required: boolean, requiredMessage?: string) {
  const base = required ? requiredText(max, requiredMessage) : optionalText(max)
  return base.check(z.overwrite((value) => value.replace(DASHES, '-')))
}

export const email = z.string().check(
  z.normalize('NFKC'),
  z.trim(),
  z.minLength(1, 'メールアドレスを入力してください'),
  z.maxLength(254),
  z.email('メールアドレスの形式で入力してください（例：taro@example.com）'),
)

/** Free text over several lines (an inquiry): line breaks kept, other control characters refused. */
export function multilineText(max: number, requiredMessage = '入力してください') {
  return z.string().check(
    z.normalize('NFKC'),
    z.overwrite((value) => value.replace(/\r\n?/g, '\n').trim()),
    z.minLength(1, requiredMessage),
    z.maxLength(max),
    z.refine((value) => !CONTROL.test(value.replace(/[\n\t]/g, '')), NO_CONTROL_MESSAGE),
  )
}

/** A query parameter (a search term, a cursor): the same refusal of controls, NUL and lone surrogates. */
export function queryText(max: number) {
  return z.string().check(z.maxLength(max), z.refine((value) => !CONTROL.test(value), NO_CONTROL_MESSAGE))
}
