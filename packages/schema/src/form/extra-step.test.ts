import { describe, expect, it } from 'vitest'
import { NO_CONTROL_MESSAGE } from '../text.ts'
import { extraStep, OCCUPATION_LABELS, OCCUPATIONS, PEP_STATUSES, TRADE_NAME_KIND_LABELS, TRADE_NAME_KINDS } from './extra-step.ts'
import { validExtra } from '@kakunin/test-data/answers'
import { issuesOf, without } from '@kakunin/test-data/schema-checks'

const CHOOSE_KIND = '屋号・団体名・通称のどれにあたるかを選択してください'
const ALIAS_NEEDS_REASON = '通称を用いる理由を入力してください（例：外国人のため）'
const OCCUPATION_NEEDS_TEXT = '職業を具体的に入力してください'

describe('extraStep', () => {
  it('accepts an answer without a trade name as it is', () => {
    expect(extraStep.parse(validExtra)).toEqual(validExtra)
  })

  describe('屋号・団体名・通称', () => {
    it('needs to know what kind of name it is', () => {
      expect(issuesOf(extraStep, { ...validExtra, tradeName: 'カクニン商店' })).toEqual([
        { path: ['tradeNameKind'], message: CHOOSE_KIND },
      ])
    })

    it.each(['TRADE_NAME', 'ORGANIZATION'] as const)('accepts a %s without a reason', (tradeNameKind) => {
      const value = { ...validExtra, tradeName: 'カクニン商店', tradeNameKind }
      expect(extraStep.parse(value)).toEqual(value)
    })

    it('asks why a 通称 is used', () => {
      expect(issuesOf(extraStep, { ...validExtra, tradeName: 'ジョン山田', tradeNameKind: 'ALIAS' })).toEqual([
        { path: ['aliasReason'], message: ALIAS_NEEDS_REASON },
      ])
      expect(
        issuesOf(extraStep, { ...validExtra, tradeName: 'ジョン山田', tradeNameKind: 'ALIAS', aliasReason: '\u3000' }),
      ).toEqual([{ path: ['aliasReason'], message: ALIAS_NEEDS_REASON }])
    })

    it('keeps the reason for a 通称', () => {
      const value = { ...validExtra, tradeName: 'ジョン山田', tradeNameKind: 'ALIAS', aliasReason: '外国人のため' }
      expect(extraStep.parse(value)).toEqual(value)
    })

    it('drops a reason given for a kind other than 通称', () => {
      expect(
        extraStep.parse({ ...validExtra, tradeName: 'カクニン商店', tradeNameKind: 'TRADE_NAME', aliasReason: '外国人のため' }),
      ).toEqual({ ...validExtra, tradeName: 'カクニン商店', tradeNameKind: 'TRADE_NAME', aliasReason: '' })
    })

    it('drops the kind and the reason when the name is empty', () => {
      const parsed = extraStep.parse({ ...validExtra, tradeName: ' ', tradeNameKind: 'ALIAS', aliasReason: '外国人のため' })
      expect(parsed).toEqual({ ...validExtra, tradeName: '', aliasReason: '' })
      expect(parsed.tradeNameKind).toBeUndefined()
    })

    it('normalises the name', () => {
      expect(extraStep.parse({ ...validExtra, tradeName: ' ｶｸﾆﾝ商店 ', tradeNameKind: 'TRADE_NAME' }).tradeName).toBe('カクニン商店')
    })

    it('asks to choose a known kind', () => {
      expect(issuesOf(extraStep, { ...validExtra, tradeName: 'カクニン商店', tradeNameKind: 'NICKNAME' })).toEqual([
        { path: ['tradeNameKind'], message: CHOOSE_KIND },
      ])
    })

    it('limits the name to 100 and the reason to 200 characters', () => {
      expect(issuesOf(extraStep, { ...validExtra, tradeName: 'あ'.repeat(101), tradeNameKind: 'TRADE_NAME' })).toEqual([
        { path: ['tradeName'], message: '100文字以内で入力してください' },
      ])
      expect(
        issuesOf(extraStep, { ...validExtra, tradeName: '通称', tradeNameKind: 'ALIAS', aliasReason: 'あ'.repeat(201) }),
      ).toEqual([{ path: ['aliasReason'], message: '200文字以内で入力してください' }])
    })

    it('rejects control characters in the name', () => {
      expect(issuesOf(extraStep, { ...validExtra, tradeName: 'カクニン\u202e商店', tradeNameKind: 'TRADE_NAME' })).toEqual([
        { path: ['tradeName'], message: NO_CONTROL_MESSAGE },
      ])
    })
  })

  describe('職業', () => {
    it.each(OCCUPATIONS.filter((occupation) => occupation !== 'OTHER'))('accepts %s', (occupation) => {
      expect(extraStep.parse({ ...validExtra, occupation }).occupation).toBe(occupation)
    })

    it('asks for the occupation when その他 is chosen', () => {
      expect(issuesOf(extraStep, { ...validExtra, occupation: 'OTHER' })).toEqual([
        { path: ['occupationOther'], message: OCCUPATION_NEEDS_TEXT },
      ])
    })

    it('keeps the occupation typed for その他', () => {
      const value = { ...validExtra, occupation: 'OTHER', occupationOther: '僧侶' }
      expect(extraStep.parse(value)).toEqual(value)
    })

    it('drops the text when その他 is not chosen', () => {
      expect(extraStep.parse({ ...validExtra, occupation: 'STUDENT', occupationOther: '僧侶' })).toEqual({
        ...validExtra,
        occupation: 'STUDENT',
      })
    })

    it.each([undefined, 'ENGINEER', ''])('asks to choose an occupation instead of %j', (occupation) => {
      expect(issuesOf(extraStep, { ...validExtra, occupation })).toEqual([{ path: ['occupation'], message: '職業を選択してください' }])
    })
  })

  describe('外国PEPs', () => {
    it.each(PEP_STATUSES)('accepts %s', (foreignPep) => {
      expect(extraStep.parse({ ...validExtra, foreignPep }).foreignPep).toBe(foreignPep)
    })

    it.each([undefined, 'YES', true])('asks to answer instead of %j', (foreignPep) => {
      expect(issuesOf(extraStep, { ...validExtra, foreignPep })).toEqual([
        { path: ['foreignPep'], message: '外国PEPsに該当するかどうかを選択してください' },
      ])
    })
  })

  it('reports every unmet condition at once', () => {
    expect(issuesOf(extraStep, { ...validExtra, tradeName: '通称', tradeNameKind: 'ALIAS', occupation: 'OTHER' })).toEqual([
      { path: ['aliasReason'], message: ALIAS_NEEDS_REASON },
      { path: ['occupationOther'], message: OCCUPATION_NEEDS_TEXT },
    ])
  })

  it.each(['tradeName', 'aliasReason', 'occupationOther'] as const)('still requires the key %s, even if empty', (field) => {
    expect(issuesOf(extraStep, without(validExtra, field))).toEqual([{ path: [field], message: '入力してください' }])
  })

  it('rejects keys it does not declare', () => {
    expect(issuesOf(extraStep, { ...validExtra, annualIncome: '500万円' })).toEqual([
      { path: [], message: '入力できない項目が含まれています: annualIncome' },
    ])
  })

  it('labels every choice in Japanese', () => {
    expect(Object.keys(TRADE_NAME_KIND_LABELS)).toEqual([...TRADE_NAME_KINDS])
    expect(Object.keys(OCCUPATION_LABELS)).toEqual([...OCCUPATIONS])
    expect(OCCUPATION_LABELS.OTHER).toBe('その他')
  })
})

describe('every problem at the first attempt', () => {
  it('reports the missing 通称 reason even while the occupation is still unanswered', () => {
    const messages = issuesOf(extraStep, { tradeName: 'タロー', tradeNameKind: 'ALIAS', aliasReason: '', occupationOther: '', foreignPep: 'NONE' }).map(
      (issue) => issue.path.join('.'),
    )
    expect(messages).toEqual(expect.arrayContaining(['occupation', 'aliasReason']))
  })
})
