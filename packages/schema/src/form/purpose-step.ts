import { optionalText } from '../text.ts'
import { evenWithOtherIssues } from '../checks.ts'
import { z } from '../zod.ts'

/** 取引を行う目的: the article's examples and the usual uses of the platform. */
export const PURPOSES = ['SMS_CHATBOT', 'IVR', 'SMS_NOTIFICATION', 'CALL_CENTER', 'TWO_FACTOR_AUTH', 'VIDEO', 'OTHER'] as const
export type Purpose = (typeof PURPOSES)[number]

export const PURPOSE_LABELS: Record<Purpose, string> = {
  SMS_CHATBOT: 'SMSを使ったチャットボット',
  IVR: '自動音声応答（IVR）',
  SMS_NOTIFICATION: 'SMSによるお知らせ・リマインド',
  CALL_CENTER: '電話の発着信（コールセンター・問い合わせ窓口など）',
  TWO_FACTOR_AUTH: '認証コードの送信（二要素認証）',
  VIDEO: 'ビデオ通話',
  OTHER: 'その他',
}

export const purposeStep = z
  .strictObject({
    purposes: z
      .array(z.enum(PURPOSES))
      .check(z.minLength(1, '取引を行う目的を1つ以上選択してください'), z.maxLength(PURPOSES.length)),
    purposeOther: optionalText(200),
    /** 取引内容: may use the service for transactions of property worth 200万円 or more. */
    highValueTransactions: z.boolean(),
  })
  .check(
    z.superRefine(
      (value, ctx) => {
        const purposes = Array.isArray(value.purposes) ? value.purposes : []
        if (new Set(purposes).size !== purposes.length) {
          ctx.issues.push({ code: 'custom', path: ['purposes'], input: value.purposes, message: '同じ目的が重複しています' })
        }
        if (purposes.includes('OTHER') && !value.purposeOther) {
          ctx.issues.push({
            code: 'custom',
            path: ['purposeOther'],
            input: value.purposeOther,
            message: '「その他」を選んだ場合は、目的を具体的に入力してください',
          })
        }
      },
      evenWithOtherIssues,
    ),
    // Text for その他 means nothing without その他: drop it rather than keep a stray answer.
    z.overwrite((value) => (value.purposes.includes('OTHER') ? value : { ...value, purposeOther: '' })),
  )
export type PurposeStep = z.infer<typeof purposeStep>
