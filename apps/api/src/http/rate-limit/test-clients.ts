import { randomInt } from 'node:crypto'

/**
 * A client address no other test uses: the run's tests share one database, and with it every
 * limit's counters.
 */
export const uniqueAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`

/** A documentation-range address (RFC 5737) no other test uses, as a proxy would forward it. */
export const uniqueForwarded = () => `203.0.${randomInt(114, 256)}.${randomInt(1, 255)}`

/** An address at example.com no other test uses. */
export const uniqueEmail = (label: string) => `${label}-${randomInt(2 ** 40).toString(36)}@example.com`
