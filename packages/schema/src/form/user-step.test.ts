import { describe, expect, it } from 'vitest'
import { birthDateForAge as birthDateAged } from '@kakunin/test-data/birth-date'
import { validUser } from '@kakunin/test-data/answers'
import { issuesOf, without } from '@kakunin/test-data/schema-checks'
import { userStep } from './user-step.ts'

describe('userStep', () => {
  it('accepts the 本人特定事項 of the person holding the login', () => {
    expect(userStep.parse(validUser)).toEqual(validUser)
  })

  it('accepts a minor on its own (the guardian rule spans steps)', () => {
    const minor = { ...validUser, birthDate: birthDateAged(10) }
    expect(userStep.parse(minor)).toEqual(minor)
  })

  it('requires the address', () => {
    expect(issuesOf(userStep, without(validUser, 'address'))).toEqual([{ path: ['address'], message: '入力してください' }])
  })

  it('rejects a birth date in the future', () => {
    expect(issuesOf(userStep, { ...validUser, birthDate: birthDateAged(-1) })).toEqual([
      { path: ['birthDate'], message: '未来の日付は入力できません' },
    ])
  })

  it('rejects keys it does not declare', () => {
    expect(issuesOf(userStep, { ...validUser, relationship: 'FAMILY' })).toEqual([
      { path: [], message: '入力できない項目が含まれています: relationship' },
    ])
  })
})
