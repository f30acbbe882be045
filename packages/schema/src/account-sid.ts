import { z } from './zod.ts'

/** A Twilio Account SID as stored: "AC" and 32 lower-case hexadecimal digits. */
export const ACCOUNT_SID_PATTERN = /^AC[0-9a-f]{32}$/

export const ACCOUNT_SID_MESSAGE = 'Account SIDは「AC」に続く32桁の英数字（0〜9、a〜f）で入力してください'

/**
 * People paste SIDs with spaces around them, in full width, or in the wrong case: fold all of that,
 * then insist on the exact shape.
 */
export const accountSid = z.string().check(
  z.normalize('NFKC'),
  z.overwrite((value) => value.replace(/\s/g, '')),
  z.minLength(1, 'Account SIDを入力してください'),
  z.overwrite((value) => (/^ac/i.test(value) ? `AC${value.slice(2).toLowerCase()}` : value)),
  z.regex(ACCOUNT_SID_PATTERN, ACCOUNT_SID_MESSAGE),
)
