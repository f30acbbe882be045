import { describe, expect, it } from 'vitest'
import { PREFECTURES } from './prefectures.ts'

describe('PREFECTURES', () => {
  it('lists the 47 prefectures once each', () => {
    expect(PREFECTURES).toHaveLength(47)
    expect(new Set(PREFECTURES).size).toBe(47)
  })

  it('follows the JIS X 0401 order, from 北海道 to 沖縄県', () => {
    expect(PREFECTURES[0]).toBe('北海道')
    expect(PREFECTURES.indexOf('東京都')).toBe(12)
    expect(PREFECTURES.indexOf('大阪府')).toBe(26)
    expect(PREFECTURES[46]).toBe('沖縄県')
  })

  it('spells each name in full, with 都・道・府・県', () => {
    for (const prefecture of PREFECTURES) expect(prefecture).toMatch(/^[\p{Script=Han}]+[都道府県]$/u)
    expect(PREFECTURES.filter((p) => p.endsWith('府'))).toEqual(['京都府', '大阪府'])
  })
})
