import { describe, expect, it } from 'vitest'
import type { ComparingData } from '#src/verification/provider.ts'
import { normalizeAddress } from '@kakunin/schema/address-notation'
import { compareIdentity, type DocumentDetails } from './compare-identity.ts'

const declared: ComparingData = {
  reference: 'KYC-20261128-0001',
  familyName: '高橋',
  givenName: '太郎',
  familyNameKana: 'タカハシ',
  givenNameKana: 'タロウ',
  birthDate: { year: '1990', month: '4', day: '1' },
  address: { postalCode: '150-0002', prefecture: '東京都', city: '渋谷区', town: '渋谷2-21-1', building: 'ヒカリエ8F' },
}
const printed: DocumentDetails = {
  familyName: '高橋',
  givenName: '太郎',
  birthDate: { year: '1990', month: '04', day: '01' },
  address: '東京都渋谷区渋谷2丁目21番1号 ヒカリエ8F',
}

describe('compareIdentity', () => {
  it('matches across width, spaces, leading zeros and address notation', () => {
    expect(compareIdentity(declared, printed)).toEqual([])
    expect(
      compareIdentity(declared, { ...printed, familyName: ' 高橋　', address: '東京都 渋谷区 渋谷２－２１－１　ヒカリエ８Ｆ' }),
    ).toEqual([])
  })

  it('reports a 異体字 on the ID as its own reason, naming the character', () => {
    const [mismatch] = compareIdentity(declared, { ...printed, familyName: '髙橋' })
    expect(mismatch).toMatchObject({ field: 'user.familyName', reason: 'VARIANT_CHARACTER' })
    expect(mismatch!.hint).toContain('「髙」')
  })

  it('reports a different name, birth date and address on their fields', () => {
    const mismatches = compareIdentity(declared, {
      familyName: '高橋',
      givenName: '次郎',
      birthDate: { year: '1990', month: '4', day: '2' },
      address: '東京都渋谷区渋谷1丁目1番1号',
    })
    expect(mismatches.map((m) => [m.field, m.reason])).toEqual([
      ['user.givenName', 'NAME_MISMATCH'],
      ['user.birthDate', 'BIRTHDATE_MISMATCH'],
      ['user.address', 'ADDRESS_MISMATCH'],
    ])
    for (const mismatch of mismatches) expect(mismatch.hint).toMatch(/本人確認書類/)
  })
})

describe('normalizeAddress', () => {
  it.each([
    ['渋谷2丁目21番1号', '渋谷2-21-1'],
    ['渋谷２−２１−１', '渋谷2-21-1'],
    ['渋谷2-21-1 ', '渋谷2-21-1'],
    ['本町3番地の5', '本町3-5'],
  ])('%s → %s', (input, output) => {
    expect(normalizeAddress(input)).toBe(output)
  })
})
