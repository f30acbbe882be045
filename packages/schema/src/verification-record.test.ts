import { describe, expect, it } from 'vitest'
import { RECORD_ITEM_LABELS, RULE_VERSION_LABELS, ruleVersionOn, verificationRecord } from '@kakunin/schema/verification-record'
import { z } from '@kakunin/schema/zod'

describe('the 確認記録 schema', () => {
  it('labels every item but the version, in the record’s own order, each with a Japanese name', () => {
    const keys = Object.keys(verificationRecord.shape).filter((key) => key !== 'recordVersion')
    expect(Object.keys(RECORD_ITEM_LABELS)).toEqual(keys)
    for (const { label } of Object.values(RECORD_ITEM_LABELS)) expect(label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
  })

  it('lists the items of 施行規則20条1項 in the order of their 号', () => {
    const numbers = Object.values(RECORD_ITEM_LABELS)
      .map((item) => item.article?.match(/20条1項(\d+)号/)?.[1])
      .filter((n): n is string => Boolean(n))
      .map(Number)
    expect(numbers.length).toBeGreaterThanOrEqual(9)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(numbers.slice(0, 2)).toEqual([1, 2])
  })

  it('describes each item in the OpenAPI document by its name and 号', () => {
    const json = z.toJSONSchema(verificationRecord, { target: 'openapi-3.0' }) as { properties: Record<string, { description?: string }> }
    expect(json.properties.verifiedBy!.description).toBe('取引時確認を行った者（施行規則20条1項1号）')
    expect(json.properties.recordedBy!.description).toBe('確認記録の作成者（施行規則20条1項2号）')
    expect(JSON.stringify(json)).not.toContain('"additionalProperties":{}')
  })

  it('refuses dates that are not Japan time', () => {
    const withDate = (at: string) => verificationRecord.shape.transaction.safeParse({ kind: 'x', date: { date: '2026年12月1日', at } }).success
    expect(withDate('2026-12-01T10:00:00.000+09:00')).toBe(true)
    expect(withDate('2026-12-01T01:00:00.000Z')).toBe(false)
  })
})

describe('the rule in force on the day', () => {
  it('is the one without the image-based ホ from 2027-04-01 in Japan', () => {
    expect(ruleVersionOn(new Date('2027-03-31T14:59:59.999Z'))).toBe('2018-11-30')
    expect(ruleVersionOn(new Date('2027-03-31T15:00:00.000Z'))).toBe('2027-04-01')
    expect(RULE_VERSION_LABELS['2027-04-01']).toContain('ホ')
  })
})
