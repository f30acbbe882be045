import { describe, expect, it } from 'vitest'
import { highRiskGrounds, requiredReviewDocuments } from './high-risk.ts'

const extra = { tradeName: '', aliasReason: '', occupation: 'EMPLOYEE', occupationOther: '' } as const

describe('high-risk customers (犯収法4条2項)', () => {
  it.each([
    ['NONE', false, []],
    ['CURRENT', false, ['FOREIGN_PEP']],
    ['FAMILY', false, ['FOREIGN_PEP']],
    ['FORMER', false, ['FOREIGN_PEP']],
    ['NONE', true, ['SUSPICION']],
    ['CURRENT', true, ['FOREIGN_PEP', 'SUSPICION']],
  ] as const)('外国PEPs %s, suspicion %s → %j', (foreignPep, suspicionFlagged, grounds) => {
    expect(highRiskGrounds({ extra: { ...extra, foreignPep } }, { suspicionFlagged })).toEqual(grounds)
  })

  it('asks for the 資産及び収入 document only when the 200万円 box is ticked', () => {
    const purpose = { purposes: ['IVR' as const], purposeOther: '' }
    expect(requiredReviewDocuments({ purpose: { ...purpose, highValueTransactions: false } })).toEqual(['ADDITIONAL_ID'])
    expect(requiredReviewDocuments({ purpose: { ...purpose, highValueTransactions: true } })).toEqual(['ADDITIONAL_ID', 'INCOME_ASSETS'])
  })
})
