import { z } from './zod.ts'

// Text rules shared by every field a person types. NFKC folds full-width letters and digits and
// half-width katakana; it leaves dash look-alikes alone, which addresses fold separately.

// C0/C1 controls, DEL, and the invisible format characters used to disguise text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/

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
const KATAKANA = /^[\u30a1-\u30f6\u30fc\u30fb]+$/

export function katakana(max: number) {
  return z.string().check(
    z.normalize('NFKC'),
    z.overwrite((value) => value.replace(/[\s\u3000]/g, '')),
    z.minLength(1, 'フリガナを入力してください'),
    z.maxLength(max),
    z.regex(KATAKANA, 'フリガナは全角カタカナで入力してください'),
  )
}

// Dashes that look like a hyphen in addresses (1−2−3, 1‐2‐3, 1–2–3) but which NFKC keeps apart.
const DASHES = /[\u2010-\u2015\u2212\u2043\ufe58\ufe63]/g

export function addressLine(max: number, required: boolean) {
  const base = required ? requiredText(max) : optionalText(max)
  return base.check(z.overwrite((value) => value.replace(DASHES, '-')))
}

export const email = z.string().check(
  z.normalize('NFKC'),
  z.trim(),
  z.minLength(1, 'メールアドレスを入力してください'),
  z.maxLength(254),
  z.email('メールアドレスの形式で入力してください（例: taro@example.com）'),
)
