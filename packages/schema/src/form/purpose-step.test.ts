import { describe, expect, it } from 'vitest'
import { NO_CONTROL_MESSAGE } from '../text.ts'
import { validPurpose } from '@kakunin/test-data/answers'
import { issuesOf, without } from '@kakunin/test-data/schema-checks'
import { PURPOSE_LABELS, PURPOSES, purposeStep } from './purpose-step.ts'

const OTHER_NEEDS_TEXT = '「その他」を選んだ場合は、目的を具体的に入力してください'

describe('purposeStep', () => {
  it('accepts valid purposes as they are', () => {
    expect(purposeStep.parse(validPurpose)).toEqual(validPurpose)
  })

  it.each(PURPOSES.filter((purpose) => purpose !== 'OTHER'))('accepts %s on its own', (purpose) => {
    expect(purposeStep.parse({ ...validPurpose, purposes: [purpose] }).purposes).toEqual([purpose])
  })

  it('accepts every purpose at once, with the text for その他', () => {
    const value = { purposes: [...PURPOSES], purposeOther: 'FAXの送信', highValueTransactions: true }
    expect(purposeStep.parse(value)).toEqual(value)
  })

  describe('その他', () => {
    it.each(['', '   ', '\u3000'])('needs the purpose spelled out (given %j)', (purposeOther) => {
      expect(issuesOf(purposeStep, { ...validPurpose, purposes: ['OTHER'], purposeOther })).toEqual([
        { path: ['purposeOther'], message: OTHER_NEEDS_TEXT },
      ])
    })

    it('keeps the text, normalised', () => {
      expect(purposeStep.parse({ ...validPurpose, purposes: ['IVR', 'OTHER'], purposeOther: ' ＦＡＸの送信 ' })).toEqual({
        ...validPurpose,
        purposes: ['IVR', 'OTHER'],
        purposeOther: 'FAXの送信',
      })
    })

    it('drops the text when その他 is not chosen', () => {
      expect(purposeStep.parse({ ...validPurpose, purposes: ['IVR'], purposeOther: '前に選んだその他の内容' })).toEqual({
        ...validPurpose,
        purposes: ['IVR'],
        purposeOther: '',
      })
    })

    it('limits the text to 200 characters and rejects control characters', () => {
      const other = { ...validPurpose, purposes: ['OTHER'] }
      expect(purposeStep.parse({ ...other, purposeOther: 'あ'.repeat(200) }).purposeOther).toHaveLength(200)
      expect(issuesOf(purposeStep, { ...other, purposeOther: 'あ'.repeat(201) })).toEqual([
        { path: ['purposeOther'], message: '200文字以内で入力してください' },
      ])
      expect(issuesOf(purposeStep, { ...other, purposeOther: 'FAX\n送信' })).toEqual([
        { path: ['purposeOther'], message: NO_CONTROL_MESSAGE },
      ])
    })
  })

  it('asks for at least one purpose', () => {
    expect(issuesOf(purposeStep, { ...validPurpose, purposes: [] })).toEqual([
      { path: ['purposes'], message: '取引を行う目的を1つ以上選択してください' },
    ])
  })

  it('rejects a purpose chosen twice', () => {
    expect(issuesOf(purposeStep, { ...validPurpose, purposes: ['IVR', 'VIDEO', 'IVR'] })).toEqual([
      { path: ['purposes'], message: '同じ目的が重複しています' },
    ])
  })

  it('rejects more purposes than there are', () => {
    expect(issuesOf(purposeStep, { ...validPurpose, purposes: [...PURPOSES, 'IVR'], purposeOther: 'x' })).toContainEqual({
      path: ['purposes'],
      message: `${PURPOSES.length}つ以内で選択してください`,
    })
  })

  it('reports an unknown purpose at its index', () => {
    expect(issuesOf(purposeStep, { ...validPurpose, purposes: ['IVR', 'MINING'] })).toEqual([
      { path: ['purposes', 1], message: '選択肢の中から選択してください' },
    ])
  })

  it.each(['purposes', 'purposeOther', 'highValueTransactions'] as const)('asks for a missing %s on its path', (field) => {
    expect(issuesOf(purposeStep, without(validPurpose, field))).toEqual([{ path: [field], message: '入力してください' }])
  })

  it('takes the 200万円 question as a boolean', () => {
    expect(purposeStep.parse({ ...validPurpose, highValueTransactions: true }).highValueTransactions).toBe(true)
    expect(issuesOf(purposeStep, { ...validPurpose, highValueTransactions: 'true' })).toEqual([
      { path: ['highValueTransactions'], message: '真偽値で入力してください' },
    ])
  })

  it('rejects keys it does not declare', () => {
    expect(issuesOf(purposeStep, { ...validPurpose, monthlyVolume: 100 })).toEqual([
      { path: [], message: '入力できない項目が含まれています: monthlyVolume' },
    ])
  })

  it('labels every purpose in Japanese', () => {
    expect(Object.keys(PURPOSE_LABELS)).toEqual([...PURPOSES])
    expect(PURPOSE_LABELS.OTHER).toBe('その他')
  })
})
