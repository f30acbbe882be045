import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isIndividualNumber } from './individual-number.ts'

describe('isIndividualNumber', () => {
  it.each(['123456789018', '1234 5678 9018', '１２３４５６７８９０１８', '1234-5678-9018'])('recognises %s (check digit 8)', (value) => {
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
