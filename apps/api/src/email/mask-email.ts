/** t***@example.com: enough to recognise one's own address, not to learn someone else's. */
export function maskEmail(address: string): string {
  const [local = '', domain = ''] = address.split('@')
  return `${local.slice(0, 1)}***@${domain}`
}
