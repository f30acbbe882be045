import type { ApplicationStatus } from '@kakunin/schema/application'

/** Where the application stands, said as the resume page says it to the person it belongs to. */
export const RESUME_STATUS_WORDING: Record<ApplicationStatus, string> = {
  DRAFT: '入力の途中です（まだ送信されていません）',
  SUBMITTED: '送信済みです。本人確認（本人確認書類と顔写真の撮影）をお待ちしています',
  VERIFYING: '本人確認の途中です',
  IN_REVIEW: '審査中です',
  ENHANCED_REVIEW: '追加の確認書類のご提出をお待ちしています',
  APPROVED: '承認されました',
  DENIED: '審査の結果、入力内容の修正をお待ちしています',
}
