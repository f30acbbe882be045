import { describe, expect, it } from 'vitest'
import { answerAt, sameAnswer } from './answer-path.ts'

const answers = { user: { familyName: '高田', address: { postalCode: '1500002', town: '渋谷1-1-1' } } }

describe('answerAt', () => {
  it('follows a dotted path, to a value or to a group', () => {
    expect(answerAt(answers, 'user.familyName')).toBe('高田')
    expect(answerAt(answers, 'user.address')).toEqual({ postalCode: '1500002', town: '渋谷1-1-1' })
    expect(answerAt(answers, 'user.address.town')).toBe('渋谷1-1-1')
  })

  it('is undefined where the path leads nowhere', () => {
    expect(answerAt(answers, 'agent.familyName')).toBeUndefined()
    expect(answerAt(answers, 'user.familyName.length')).toBeUndefined()
    expect(answerAt(answers, 'user.toString')).toBeUndefined()
  })
})

describe('sameAnswer', () => {
  it('compares by value, whatever the order of keys', () => {
    expect(sameAnswer({ town: 'a', postalCode: '1' }, { postalCode: '1', town: 'a' })).toBe(true)
    expect(sameAnswer({ town: 'a', postalCode: '1' }, { postalCode: '1', town: 'b' })).toBe(false)
    expect(sameAnswer(['SMS', 'VOICE'], ['SMS', 'VOICE'])).toBe(true)
    expect(sameAnswer(['SMS'], ['SMS', 'VOICE'])).toBe(false)
    expect(sameAnswer('高田', '髙田')).toBe(false)
  })

  it('takes an absent key as one left undefined, but not as one emptied', () => {
    expect(sameAnswer({ a: 1 }, { a: 1, b: undefined })).toBe(true)
    expect(sameAnswer({ a: 1 }, { a: 1, b: '' })).toBe(false)
    expect(sameAnswer(undefined, '')).toBe(false)
  })
})
