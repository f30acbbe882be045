import net from 'node:net'

/**
 * The client as the limits count it, from `request.ip` (which Fastify takes from X-Forwarded-For
 * only through the proxies TRUST_PROXY names). An IPv4-mapped address is its IPv4 address; an
 * IPv6 address counts by its /64, the block one subscriber is given, so that walking through it
 * does not buy a fresh bucket per address.
 */
export function clientAddress(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)
  if (mapped?.[1]) return mapped[1]
  if (!net.isIPv6(ip)) return ip
  return `${ipv6Groups(ip).slice(0, 4).join(':')}::/64`
}

/** The eight groups of an IPv6 address, "::" expanded, leading zeros dropped. */
function ipv6Groups(address: string): string[] {
  const [bare = ''] = address.split('%')
  const [head = '', tail] = bare.split('::')
  const part = (text: string) => (text ? text.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : [])
  const left = part(head)
  const right = tail === undefined ? [] : part(tail)
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return groups.map((group) => Number.parseInt(group, 16).toString(16))
}
