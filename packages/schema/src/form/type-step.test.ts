import { describe, expect, it } from 'vitest'
import { validType } from '@kakunin/test-data/answers'
import { issuesOf } from '@kakunin/test-data/schema-checks'
import { APPLICANT_TYPE_LABELS, CORPORATE_MESSAGE, typeStep } from './type-step.ts'

const CHOOSE = '「個人として申し込み」か「法人として申し込み」を選択してください'

describe('typeStep', () => {
  it('lets an individual continue', () => {
    expect(typeStep.parse(validType)).toEqual({ applicantType: 'INDIVIDUAL' })
  })

  it('turns a corporation away with an explanation on the answer', () => {
    expect(issuesOf(typeStep, { applicantType: 'CORPORATE' })).toEqual([
      { path: ['applicantType'], message: CORPORATE_MESSAGE },
    ])
    expect(CORPORATE_MESSAGE).toBe(
      '法人のお客様は、個人のお客様とはお手続きが異なります。このフォームでは法人のお申し込みは受け付けておりません。',
    )
  })

  it.each([
    ['a missing answer', {}],
    ['an unknown answer', { applicantType: 'PERSONAL' }],
    ['a lower-case answer', { applicantType: 'individual' }],
    ['an empty answer', { applicantType: '' }],
  ])('asks to choose for %s', (_, input) => {
    expect(issuesOf(typeStep, input)).toEqual([{ path: ['applicantType'], message: CHOOSE }])
  })

  it('rejects keys it does not declare', () => {
    expect(issuesOf(typeStep, { ...validType, corporateNumber: '1234567890123' })).toEqual([
      { path: [], message: '入力できない項目が含まれています: corporateNumber' },
    ])
  })

  it('labels both answers in Japanese', () => {
    expect(APPLICANT_TYPE_LABELS).toEqual({ INDIVIDUAL: '個人として申し込み', CORPORATE: '法人として申し込み' })
  })
})
