import { describe, expect, it } from 'vitest'
import { availableMethods, isMethodAvailable } from '@kakunin/schema/verification-method'

describe('the ホ method cut-over', () => {
  it('offers ホ until 2027-03-31 in Japan and not from 2027-04-01 (Japan time)', () => {
    expect(isMethodAvailable('ho', new Date('2027-03-31T14:59:59Z'))).toBe(true) // 23:59:59 JST on 31 March
    expect(isMethodAvailable('ho', new Date('2027-03-31T15:00:00Z'))).toBe(false) // 00:00 JST on 1 April
  })

  it('keeps the IC-chip and JPKI methods after it', () => {
    const after = new Date('2027-04-01T03:00:00Z')
    expect(availableMethods(['ho', 'ic_chip', 'jpki'], after)).toEqual(['ic_chip', 'jpki'])
    expect(availableMethods(['ho', 'ic_chip'], new Date('2026-11-28T03:00:00Z'))).toEqual(['ho', 'ic_chip'])
  })
})
