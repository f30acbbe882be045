import { describe, expect, it } from 'vitest'
import { address, formatAddress, postalCode } from './address.ts'
import { validAddress } from '@kakunin/test-data/answers'
import { issuesOf, without } from '@kakunin/test-data/schema-checks'
import { PREFECTURES } from './prefectures.ts'
import { NO_CONTROL_MESSAGE } from './text.ts'

const POSTAL_FORMAT = '郵便番号は7桁の数字で入力してください（例：150-0002）'

describe('postalCode', () => {
  it.each([
    ['without a hyphen', '1500002'],
    ['with a hyphen', '150-0002'],
    ['in full width', '１５０－０００２'],
    ['in full width without a hyphen', '１５００００２'],
    ['with the prolonged sound mark an IME types for "-"', '150ー0002'],
    ['with a half-width prolonged sound mark', '150ｰ0002'],
    ['with a minus sign (U+2212)', '150\u22120002'],
    ['with a hyphen (U+2010)', '150\u20100002'],
    ['with an en dash (U+2013)', '150\u20130002'],
    ['with a space', '150 0002'],
    ['with surrounding spaces', ' 150-0002\u3000'],
  ])('stores a code typed %s as 150-0002', (_, input) => {
    expect(postalCode.parse(input)).toBe('150-0002')
  })

  it.each([
    ['6 digits', '150000'],
    ['8 digits', '15000002'],
    ['6 digits with a hyphen', '150-000'],
    ['letters', 'ABC-DEFG'],
    ['a letter among digits', '150-000a'],
    ['kanji numerals', '一五〇-〇〇〇二'],
  ])('rejects %s', (_, input) => {
    expect(issuesOf(postalCode, input)).toEqual([{ path: [], message: POSTAL_FORMAT }])
  })

  it.each(['', ' ', '-'])('asks for the code first when given %j', (input) => {
    expect(issuesOf(postalCode, input)[0]).toEqual({ path: [], message: '郵便番号を入力してください' })
  })
})

describe('address', () => {
  it('accepts a valid address as it is', () => {
    expect(address.parse(validAddress)).toEqual(validAddress)
  })

  it('normalises every line', () => {
    expect(
      address.parse({ postalCode: '１５００００２', prefecture: '東京都', city: ' 渋谷区 ', town: '渋谷２−２１−１', building: 'ﾋｶﾘｴ　' }),
    ).toEqual({ postalCode: '150-0002', prefecture: '東京都', city: '渋谷区', town: '渋谷2-21-1', building: 'ヒカリエ' })
  })

  it('allows an empty building line', () => {
    expect(address.parse({ ...validAddress, building: '' }).building).toBe('')
  })

  it('accepts each of the 47 prefectures', () => {
    for (const prefecture of PREFECTURES) {
      expect(address.parse({ ...validAddress, prefecture }).prefecture).toBe(prefecture)
    }
  })

  it.each(['東京', 'Tokyo', '', '北海道 '])('asks to choose a prefecture instead of %j', (prefecture) => {
    expect(issuesOf(address, { ...validAddress, prefecture })).toEqual([
      { path: ['prefecture'], message: '都道府県を選択してください' },
    ])
  })

  it.each([
    ['postalCode', '入力してください'],
    ['prefecture', '都道府県を選択してください'],
    ['city', '入力してください'],
    ['town', '入力してください'],
    ['building', '入力してください'],
  ] as const)('reports a missing %s on its path', (field, message) => {
    expect(issuesOf(address, without(validAddress, field))).toEqual([{ path: [field], message }])
  })

  it.each([
    ['city', '市区町村を入力してください'],
    ['town', '町域・番地を入力してください'],
  ] as const)('requires %s to be filled in, naming it', (field, message) => {
    expect(issuesOf(address, { ...validAddress, [field]: '\u3000' })).toEqual([{ path: [field], message }])
  })

  it('reports a bad postal code on its path', () => {
    expect(issuesOf(address, { ...validAddress, postalCode: '150-002' })).toEqual([
      { path: ['postalCode'], message: POSTAL_FORMAT },
    ])
  })

  it('limits the length of each line', () => {
    expect(issuesOf(address, { ...validAddress, city: 'あ'.repeat(51) })).toEqual([
      { path: ['city'], message: '50文字以内で入力してください' },
    ])
    expect(address.parse({ ...validAddress, town: 'あ'.repeat(100) }).town).toHaveLength(100)
    expect(issuesOf(address, { ...validAddress, town: 'あ'.repeat(101) })).toEqual([
      { path: ['town'], message: '100文字以内で入力してください' },
    ])
    expect(issuesOf(address, { ...validAddress, building: 'あ'.repeat(101) })).toEqual([
      { path: ['building'], message: '100文字以内で入力してください' },
    ])
  })

  it('rejects control characters in a line', () => {
    expect(issuesOf(address, { ...validAddress, building: 'カクニン\u202eビル' })).toEqual([
      { path: ['building'], message: NO_CONTROL_MESSAGE },
    ])
  })

  it('rejects keys it does not declare', () => {
    expect(issuesOf(address, { ...validAddress, country: '日本' })).toEqual([
      { path: [], message: '入力できない項目が含まれています: country' },
    ])
  })
})

describe('formatAddress', () => {
  it('writes the address on one line with 〒 and the building after a space', () => {
    expect(formatAddress(address.parse(validAddress))).toBe('〒150-0002 東京都渋谷区渋谷2-21-1 カクニンビル101')
  })

  it('leaves out an empty building', () => {
    expect(formatAddress(address.parse({ ...validAddress, building: '' }))).toBe('〒150-0002 東京都渋谷区渋谷2-21-1')
  })
})

describe('postal codes typed with the 〒 mark', () => {
  it('drop the mark', () => {
    expect(postalCode.parse('〒150-0002')).toBe('150-0002')
  })
})
