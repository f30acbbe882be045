import { accountSid } from '../account-sid.ts'
import { email } from '../text.ts'
import { evenWithOtherIssues } from '../checks.ts'
import { z } from '../zod.ts'

export const SAME_EMAIL_MESSAGE =
  '連絡用メールアドレスには、Twilioコンソールログイン用メールアドレスとは別のアドレスを入力してください'

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/** Twilioログイン情報 (初回): the account to register and the two addresses to reach its owner. */
export const loginStep = z
  .strictObject({
    accountSid,
    loginEmail: email,
    contactEmail: email,
  })
  .check(
    z.superRefine(
      (value, ctx) => {
        if (typeof value.loginEmail === 'string' && typeof value.contactEmail === 'string' && value.loginEmail && sameAddress(value.loginEmail, value.contactEmail)) {
          ctx.issues.push({ code: 'custom', path: ['contactEmail'], input: value.contactEmail, message: SAME_EMAIL_MESSAGE })
        }
      },
      evenWithOtherIssues,
    ),
  )
export type LoginStep = z.infer<typeof loginStep>
