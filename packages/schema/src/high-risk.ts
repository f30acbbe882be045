import type { DraftAnswers } from './form/application-form.ts'

// 犯収法4条2項 (ハイリスク取引) and 施行令12条: a customer who is a 外国PEP (or family, or was one;
// 令12条3項) is verified with enhanced measures, and so is one whose transaction staff suspect of
// なりすまし or 偽り (令12条1項). 施行規則14条: besides the usual method, a second 本人確認書類 or
// 補完書類; where the transaction moves property worth more than 200万円 (法4条2項, 令11条), the
// 資産及び収入の状況 too. 法11条 and 施行規則32条: such a transaction is approved by the 統括管理者.

export const HIGH_RISK_GROUNDS = ['FOREIGN_PEP', 'SUSPICION'] as const
export type HighRiskGround = (typeof HIGH_RISK_GROUNDS)[number]

export const HIGH_RISK_GROUND_LABELS: Record<HighRiskGround, string> = {
  FOREIGN_PEP: '外国PEPsに該当する（犯収法施行令12条3項）',
  SUSPICION: '担当者がなりすまし・偽りの疑いを記録した（犯収法施行令12条1項）',
}

export function highRiskGrounds(answers: DraftAnswers, options: { suspicionFlagged: boolean }): HighRiskGround[] {
  const grounds: HighRiskGround[] = []
  if (answers.extra && answers.extra.foreignPep !== 'NONE') grounds.push('FOREIGN_PEP')
  if (options.suspicionFlagged) grounds.push('SUSPICION')
  return grounds
}

/** What an applicant in enhanced review uploads in the SPA. */
export const REVIEW_DOCUMENT_KINDS = ['ADDITIONAL_ID', 'INCOME_ASSETS'] as const
export type ReviewDocumentKind = (typeof REVIEW_DOCUMENT_KINDS)[number]

export const REVIEW_DOCUMENT_LABELS: Record<ReviewDocumentKind, string> = {
  ADDITIONAL_ID: '2点目の本人確認書類または補完書類',
  INCOME_ASSETS: '資産及び収入の状況がわかる書類',
}

export const REVIEW_DOCUMENT_HINTS: Record<ReviewDocumentKind, string> = {
  ADDITIONAL_ID:
    'eKYCで使用したものとは別の本人確認書類（運転免許証、マイナンバーカード、在留カード、健康保険証など）、または住所の記載がある補完書類（発行から6か月以内の公共料金の領収証書、住民票の写しなど）を撮影してください。',
  INCOME_ASSETS: '源泉徴収票、確定申告書、預貯金通帳など、資産及び収入の状況がわかる書類を撮影してください。',
}

/** The documents enhanced review asks for: always a second document; the income one when the 200万円 box is ticked. */
export function requiredReviewDocuments(answers: DraftAnswers): ReviewDocumentKind[] {
  return answers.purpose?.highValueTransactions ? ['ADDITIONAL_ID', 'INCOME_ASSETS'] : ['ADDITIONAL_ID']
}
