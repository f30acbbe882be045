// The entry question alone, kept apart from the form's schemas: the first screen loads only this.
import { z } from './zod.ts'

/** The article's entry question: first time, or linking to an Account SID already verified. */
export const APPLICATION_FLOWS = ['FIRST_TIME', 'LINK_VERIFIED'] as const
export type ApplicationFlow = (typeof APPLICATION_FLOWS)[number]

export const APPLICATION_FLOW_LABELS: Record<ApplicationFlow, string> = {
  FIRST_TIME: '持っていない',
  LINK_VERIFIED: 'すでに取引時確認済みのAccount SIDを持っている',
}

export const createApplicationBody = z.strictObject({
  flow: z.enum(APPLICATION_FLOWS, '取引時確認済みのAccount SIDをお持ちかどうか選択してください'),
})
export type CreateApplicationBody = z.infer<typeof createApplicationBody>
