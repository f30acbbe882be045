import { describe, expect, it } from 'vitest'
import { NO_CONTROL_MESSAGE } from '../text.ts'
import { validAddress, validUser } from '@kakunin/test-data/answers'
import { issuesOf, without } from '@kakunin/test-data/schema-checks'
import { fullName, fullNameKana, person } from './person.ts'

describe('person', () => {
  it('accepts a valid person as it is', () => {
    expect(person.parse(validUser)).toEqual(validUser)
  })

  it('normalises every field', () => {
    expect(
      person.parse({
        familyName: ' 山田\u3000',
        givenName: 'ＴＡＲＯ',
        familyNameKana: 'ﾔﾏﾀﾞ',
        givenNameKana: 'タ ロウ',
        birthDate: { year: '１９９０', month: '04', day: '01' },
        address: { ...validAddress, postalCode: '1500002', town: '渋谷2−21−1' },
      }),
    ).toEqual({
      familyName: '山田',
      givenName: 'TARO',
      familyNameKana: 'ヤマダ',
      givenNameKana: 'タロウ',
      birthDate: { year: '1990', month: '4', day: '1' },
      address: validAddress,
    })
  })

  it.each(['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'address'] as const)(
    'asks for a missing %s on its path',
    (field) => {
      expect(issuesOf(person, without(validUser, field))).toEqual([{ path: [field], message: '入力してください' }])
    },
  )

  it.each([
    ['familyName', '姓を入力してください'],
    ['givenName', '名を入力してください'],
    ['familyNameKana', 'セイ（フリガナ）を入力してください'],
    ['givenNameKana', 'メイ（フリガナ）を入力してください'],
  ] as const)('asks for an empty %s first, with its own message', (field, message) => {
    expect(issuesOf(person, { ...validUser, [field]: '\u3000' })[0]).toEqual({ path: [field], message })
  })

  it.each(['familyName', 'givenName'] as const)('limits %s to 50 characters', (field) => {
    expect(person.parse({ ...validUser, [field]: 'あ'.repeat(50) })[field]).toHaveLength(50)
    expect(issuesOf(person, { ...validUser, [field]: 'あ'.repeat(51) })).toEqual([
      { path: [field], message: '50文字以内で入力してください' },
    ])
  })

  it.each(['familyNameKana', 'givenNameKana'] as const)('limits %s to 50 characters', (field) => {
    expect(issuesOf(person, { ...validUser, [field]: 'ア'.repeat(51) })).toEqual([
      { path: [field], message: '50文字以内で入力してください' },
    ])
  })

  it.each(['familyNameKana', 'givenNameKana'] as const)('folds hiragana in %s into katakana', (field) => {
    expect(person.parse({ ...validUser, [field]: 'やまだ' })[field]).toBe('ヤマダ')
  })

  it.each(['familyNameKana', 'givenNameKana'] as const)('asks for katakana in %s', (field) => {
    expect(issuesOf(person, { ...validUser, [field]: 'Yamada' })).toEqual([
      { path: [field], message: 'フリガナは全角カタカナで入力してください' },
    ])
  })

  it('rejects control characters in a name', () => {
    expect(issuesOf(person, { ...validUser, givenName: '太\u200b郎' })).toEqual([
      { path: ['givenName'], message: NO_CONTROL_MESSAGE },
    ])
  })

  it('reports problems inside the birth date and the address on their nested paths', () => {
    expect(issuesOf(person, { ...validUser, birthDate: { year: '1990', month: '2', day: '30' } })).toEqual([
      { path: ['birthDate'], message: '実在する日付を入力してください' },
    ])
    expect(issuesOf(person, { ...validUser, birthDate: { year: '1990', month: '2', day: 'x' } })).toContainEqual({
      path: ['birthDate', 'day'],
      message: '日は1〜31の数字で入力してください',
    })
    expect(issuesOf(person, { ...validUser, address: { ...validAddress, prefecture: 'トーキョー' } })).toEqual([
      { path: ['address', 'prefecture'], message: '都道府県を選択してください' },
    ])
  })

  it('rejects keys it does not declare, at the level they appear', () => {
    expect(issuesOf(person, { ...validUser, middleName: 'J' })).toEqual([
      { path: [], message: '入力できない項目が含まれています: middleName' },
    ])
    expect(issuesOf(person, { ...validUser, address: { ...validAddress, room: '101' } })).toEqual([
      { path: ['address'], message: '入力できない項目が含まれています: room' },
    ])
  })
})

describe('fullName and fullNameKana', () => {
  it('join family and given names with a space', () => {
    expect(fullName({ familyName: '山田', givenName: '太郎' })).toBe('山田 太郎')
    expect(fullNameKana({ familyNameKana: 'ヤマダ', givenNameKana: 'タロウ' })).toBe('ヤマダ タロウ')
  })
})
