import { accountSidAsking } from '../account-sid.ts'
import { email } from '../text.ts'
import { evenWithOtherIssues } from '../checks.ts'
import { z } from '../zod.ts'

export const SAME_EMAIL_MESSAGE =
  '連絡用メールアドレスには、Twilioコンソールログイン用メールアドレスとは別のアドレスを入力してください'
export const SAME_SID_MESSAGE = '取引時確認済みのAccount SIDには、新しいAccount SIDとは別のAccount SIDを入力してください'
export const VERIFIED_SID_REQUIRED_MESSAGE = '取引時確認済みのAccount SIDを入力してください'
export const NEW_SID_REQUIRED_MESSAGE = '新しく利用するAccount SIDを入力してください'

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/**
 * Twilioログイン情報: the account to register and the two addresses to reach its owner. In the
 * already-verified flow (2回目以降) it also names the Account SID that passed 取引時確認 before;
 * which flows need that field is said by `loginStepFor`.
 */
export const loginStep = z
  .strictObject({
    accountSid: accountSidAsking(NEW_SID_REQUIRED_MESSAGE),
    verifiedAccountSid: z.optional(accountSidAsking(VERIFIED_SID_REQUIRED_MESSAGE)),
    loginEmail: email,
    contactEmail: email,
  })
  .check(
    z.superRefine((value, ctx) => {
      if (typeof value.loginEmail === 'string' && typeof value.contactEmail === 'string' && value.loginEmail && sameAddress(value.loginEmail, value.contactEmail)) {
        ctx.issues.push({ code: 'custom', path: ['contactEmail'], input: value.contactEmail, message: SAME_EMAIL_MESSAGE })
      }
      if (typeof value.verifiedAccountSid === 'string' && value.verifiedAccountSid === value.accountSid) {
        ctx.issues.push({ code: 'custom', path: ['verifiedAccountSid'], input: value.verifiedAccountSid, message: SAME_SID_MESSAGE })
      }
    }, evenWithOtherIssues),
  )
export type LoginStep = z.infer<typeof loginStep>

/** The login step as each flow asks it: the already-verified flow requires the verified SID, the first time has none. */
export function loginStepFor(flow: 'FIRST_TIME' | 'LINK_VERIFIED') {
  return loginStep.check(
    z.superRefine((value, ctx) => {
      if (flow === 'LINK_VERIFIED' && !value.verifiedAccountSid) {
        ctx.issues.push({ code: 'custom', path: ['verifiedAccountSid'], input: value.verifiedAccountSid, message: VERIFIED_SID_REQUIRED_MESSAGE })
      }
      if (flow === 'FIRST_TIME' && value.verifiedAccountSid !== undefined) {
        ctx.issues.push({ code: 'unrecognized_keys', keys: ['verifiedAccountSid'], path: [], input: value, message: 'この項目は受け付けていません' })
      }
    }, evenWithOtherIssues),
  )
}
