import { address } from '../address.ts'
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
