import { z } from '../zod.ts'

export const APPLICANT_TYPES = ['INDIVIDUAL', 'CORPORATE'] as const
export const APPLICANT_TYPE_LABELS = {
  INDIVIDUAL: '個人として申し込み',
  CORPORATE: '法人として申し込み',
} as const

export const CORPORATE_MESSAGE =
  '法人のお客様は、個人のお客様とはお手続きが異なります。このフォームでは法人のお申し込みは受け付けておりません。'

/** お申し込み内容の入力: only individuals continue here; corporations follow a separate procedure. */
export const typeStep = z.strictObject({
  applicantType: z
    .enum(APPLICANT_TYPES, '「個人として申し込み」か「法人として申し込み」を選択してください')
    .check(z.refine((value) => value === 'INDIVIDUAL', CORPORATE_MESSAGE)),
})
export type TypeStep = z.infer<typeof typeStep>
