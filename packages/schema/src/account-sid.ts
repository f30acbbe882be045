import { z } from './zod.ts'

/** A Twilio Account SID as stored: "AC" and 32 lower-case hexadecimal digits. */
export const ACCOUNT_SID_PATTERN = /^AC[0-9a-f]{32}$/

export const ACCOUNT_SID_MESSAGE = 'Account SIDは「AC」に続く32桁の英数字（0〜9、a〜f）で入力してください'

/**
 * People paste SIDs with spaces around them, in full width, or in the wrong case: fold all of that,
 * then insist on the exact shape.
 */
export const accountSid = accountSidAsking('Account SIDを入力してください')

/** The same rule with its own request when empty: a screen with two SIDs says which one is missing. */
export function accountSidAsking(requiredMessage: string) {
  return z.string().check(
    z.overwrite(foldAccountSid),
    z.minLength(1, requiredMessage),
    z.regex(ACCOUNT_SID_PATTERN, ACCOUNT_SID_MESSAGE),
  )
}

/** The folding itself: NFKC, no spaces, "AC" upper case and the hex digits lower case. */
export function foldAccountSid(value: string): string {
  const compact = value.normalize('NFKC').replace(/\s/g, '')
  return /^ac/i.test(compact) ? `AC${compact.slice(2).toLowerCase()}` : compact
}
