import { describe, expect, it } from 'vitest'
import { ACCOUNT_SID_MESSAGE, ACCOUNT_SID_PATTERN, accountSid } from './account-sid.ts'
import { issuesOf, toFullWidth } from '@kakunin/test-data/schema-checks'

const HEX = '0123456789abcdef0123456789abcdef'
const SID = `AC${HEX}`

describe('accountSid', () => {
  it('accepts "AC" followed by 32 lower-case hexadecimal digits as it is', () => {
    expect(accountSid.parse(SID)).toBe(SID)
  })

  it.each([
    ['a lower-case prefix', `ac${HEX}`],
    ['a mixed-case prefix', `aC${HEX}`],
    ['upper-case hexadecimal digits', `AC${HEX.toUpperCase()}`],
    ['everything in upper case', `AC${HEX}`.toUpperCase()],
    ['everything in lower case', `ac${HEX}`],
    ['surrounding spaces', `  ${SID}  `],
    ['surrounding ideographic spaces (U+3000)', `\u3000${SID}\u3000`],
    ['a pasted line feed and tab', `\t${SID}\n`],
    ['spaces inside', `AC ${HEX.slice(0, 16)} ${HEX.slice(16)}`],
    ['full-width characters', toFullWidth(SID)],
    ['full-width upper-case characters', toFullWidth(SID.toUpperCase())],
  ])('normalises %s to "AC" and lower-case hex', (_, input) => {
    expect(accountSid.parse(input)).toBe(SID)
  })

  it.each([
    ['another prefix', `SK${HEX}`],
    ['a reversed prefix', `CA${HEX}`],
    ['no prefix', HEX],
    ['only the prefix', 'AC'],
    ['31 digits', `AC${HEX.slice(1)}`],
    ['33 digits', `AC${HEX}0`],
    ['a non-hexadecimal letter', `AC${HEX.slice(0, 31)}g`],
    ['a hyphen inside', `AC${HEX.slice(0, 16)}-${HEX.slice(16)}`],
    ['an Auth Token instead of a SID', HEX],
  ])('rejects %s', (_, input) => {
    expect(issuesOf(accountSid, input)).toEqual([{ path: [], message: ACCOUNT_SID_MESSAGE }])
  })

  it.each(['', '   ', '\u3000'])('asks for the SID first when given %j', (input) => {
    expect(issuesOf(accountSid, input)[0]).toEqual({ path: [], message: 'Account SIDを入力してください' })
  })

  it('asks for a missing SID', () => {
    expect(issuesOf(accountSid, undefined)).toEqual([{ path: [], message: '入力してください' }])
  })

  it('explains the expected shape in Japanese', () => {
    expect(ACCOUNT_SID_MESSAGE).toBe('Account SIDは「AC」に続く32桁の英数字（0〜9、a〜f）で入力してください')
  })
})

describe('ACCOUNT_SID_PATTERN', () => {
  it('matches only the stored shape', () => {
    expect(ACCOUNT_SID_PATTERN.test(SID)).toBe(true)
    expect(ACCOUNT_SID_PATTERN.test(`ac${HEX}`)).toBe(false)
    expect(ACCOUNT_SID_PATTERN.test(`AC${HEX.toUpperCase()}`)).toBe(false)
    expect(ACCOUNT_SID_PATTERN.test(` ${SID}`)).toBe(false)
  })
})
