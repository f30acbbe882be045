import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isIndividualNumber } from './individual-number.ts'
import { documentNumberIssue } from './sandbox-ekyc.ts'
import { externalVerificationBody } from './staff.ts'

describe('isIndividualNumber', () => {
  it.each(['123456789018', '1234 5678 9018', '１２３４５６７８９０１８', '1234-5678-9018', '1234‐5678‐9018', '1234−5678−9018', '1234ー5678ー9018', '1234.5678.9018'])('recognises %s (check digit 8)', (value) => {
    expect(isIndividualNumber(value)).toBe(true)
  })

  it.each(['123456789012', '12345678901', 'AB1234567', '1234567890180', ''])('does not take %s for one', (value) => {
    expect(isIndividualNumber(value)).toBe(false)
  })

  it('accepts exactly one check digit for every 11 digits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }), (digits) => {
        const matches = [...Array(10).keys()].filter((check) => isIndividualNumber(`${digits.join('')}${check}`))
        expect(matches).toHaveLength(1)
      }),
    )
  })
})

describe('where a 個人番号 is refused', () => {
  it('on the phone: any number of a マイナンバーカード, a check-digit number elsewhere, but a licence’s own 12 digits', () => {
    expect(documentNumberIssue('my_number_card', 'AB12')).toMatch(/個人番号/)
    expect(documentNumberIssue('passport', '123456789018')).toMatch(/個人番号/)
    expect(documentNumberIssue('residence_card', 'AB12345678CD')).toBeNull()
    expect(documentNumberIssue('drivers_license', '123456789010')).toBeNull()
    expect(documentNumberIssue('drivers_license', '123456789018')).toBeNull()
    expect(documentNumberIssue('my_number_card', undefined)).toBeNull()
  })

  it('by staff: refused unless the document is a licence', () => {
    const external = { method: 'ic_chip', documentName: '在留カード', documentNumber: '1234-5678-9018', verifiedOn: '2026-12-01', verifiedBy: '窓口 山田' }
    expect(externalVerificationBody.safeParse(external).error?.issues.map((issue) => issue.path)).toEqual([['documentNumber']])
    expect(externalVerificationBody.safeParse({ ...external, documentName: '運転免許証' }).success).toBe(true)
  })
})
