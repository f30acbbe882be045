import { describe, expect, it } from 'vitest'
import { clientAddress } from './client-address.ts'

describe('clientAddress', () => {
  it('is the IPv4 address itself, also when written IPv4-mapped', () => {
    expect(clientAddress('203.0.113.7')).toBe('203.0.113.7')
    expect(clientAddress('::ffff:203.0.113.7')).toBe('203.0.113.7')
  })

  it('is the /64 of an IPv6 address, however it is written', () => {
    const block = '2001:db8:1:2::/64'
    expect(clientAddress('2001:db8:1:2::1')).toBe(block)
    expect(clientAddress('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(block)
    expect(clientAddress('2001:DB8:1:2:0:0:0:9%eth0')).toBe(block)
    expect(clientAddress('2001:db8:1:3::1')).not.toBe(block)
    expect(clientAddress('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(clientAddress('::1')).toBe('0:0:0:0::/64')
  })
})
