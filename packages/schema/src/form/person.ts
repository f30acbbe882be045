import { address } from '../address.ts'
import { normalizeText } from '../address-notation.ts'
import { birthDate } from '../birth-date.ts'
import { katakana, requiredText } from '../text.ts'
import { z } from '../zod.ts'

/** 氏名 as 姓/名 with フリガナ, 生年月日 and 住所: the 本人特定事項 of a natural person. */
export const personFields = {
  familyName: requiredText(50, '姓を入力してください'),
  givenName: requiredText(50, '名を入力してください'),
  familyNameKana: katakana(50, 'セイ（フリガナ）を入力してください'),
  givenNameKana: katakana(50, 'メイ（フリガナ）を入力してください'),
  birthDate,
  address,
}

export const person = z.strictObject(personFields)
export type Person = z.infer<typeof person>

export const fullName = (value: Pick<Person, 'familyName' | 'givenName'>) => `${value.familyName} ${value.givenName}`
export const fullNameKana = (value: Pick<Person, 'familyNameKana' | 'givenNameKana'>) =>
  `${value.familyNameKana} ${value.givenNameKana}`

type NameAndBirth = { familyName: string; givenName: string; birthDate: { year: string; month: string; day: string } }

/** One person, whether declared or read from a document: the same 氏名 (width, spaces, dashes aside) and 生年月日. */
export function isSamePerson(a: NameAndBirth, b: NameAndBirth): boolean {
  const name = (value: NameAndBirth) => normalizeText(`${value.familyName}${value.givenName}`)
  const sameDate = (['year', 'month', 'day'] as const).every((part) => Number(normalizeText(a.birthDate[part])) === Number(normalizeText(b.birthDate[part])))
  return name(a) === name(b) && sameDate
}
