import type { ApplicationStatus } from '@kakunin/schema/application'
import type { CurrentVerificationResponse, VerificationStatus } from '@kakunin/schema/verification'

/**
 * Where the 身元確認 stands, from the desktop's point of view:
 * - `none`: no QR code yet (or only an earlier session's, before the form was corrected);
 * - `waiting`: a QR code to scan; `in-progress`: the phone opened it;
 * - `expired`: the QR code expired unused; `finished`: the phone flow is done, whatever came of it
 *   (in review, approved, denied, or ENHANCED_REVIEW: approved by the provider but high-risk, with
 *   documents to upload at お申し込み完了);
 * - `decided`: staff decided the application before the phone flow was done (shown once the
 *   application is read again).
 */
export type VerificationPhase = 'none' | 'waiting' | 'in-progress' | 'expired' | 'finished' | 'decided'

/** Verification statuses of a phone flow that was carried through. */
const PHONE_DONE: readonly VerificationStatus[] = ['SUBMITTED', 'APPROVED', 'DENIED']

/** Application statuses that wait for the phone; any other is past it (IN_REVIEW, ENHANCED_REVIEW, APPROVED, DENIED). */
const AWAITING_PHONE: readonly ApplicationStatus[] = ['SUBMITTED', 'VERIFYING']

export function verificationPhase({ applicationStatus, verification }: CurrentVerificationResponse): VerificationPhase {
  if (!AWAITING_PHONE.includes(applicationStatus)) {
    return verification && PHONE_DONE.includes(verification.status) ? 'finished' : 'decided'
  }
  switch (verification?.status) {
    case 'PENDING':
      return 'waiting'
    case 'STARTED':
      return 'in-progress'
    case 'EXPIRED':
      return 'expired'
    case 'SUBMITTED':
      return 'finished'
    default:
      return 'none'
  }
}

export const PHASE_MESSAGES: Record<VerificationPhase, string> = {
  none: '',
  waiting: 'スマートフォンで本人確認を行ってください',
  'in-progress': 'スマートフォンで本人確認を進めています',
  expired: 'QRコードの有効期限が切れました。「新しいQRコードを表示する」を押して、もう一度読み取ってください。',
  finished: 'スマートフォンでの本人確認が完了しました。「次へ」を押してください。',
  decided: 'お申し込みの審査結果が出ました。結果を読み込んでいます…',
}
