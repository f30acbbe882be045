import type { CurrentVerificationResponse } from '@kakunin/schema/verification'

/**
 * Where the 身元確認 stands, from the desktop's point of view:
 * - `none`: no QR code yet (or only an earlier session's, before the form was corrected);
 * - `waiting`: a QR code to scan; `in-progress`: the phone opened it;
 * - `expired`: the QR code expired unused; `finished`: the phone flow is done.
 */
export type VerificationPhase = 'none' | 'waiting' | 'in-progress' | 'expired' | 'finished'

export function verificationPhase({ applicationStatus, verification }: CurrentVerificationResponse): VerificationPhase {
  if (applicationStatus !== 'SUBMITTED' && applicationStatus !== 'VERIFYING') return 'finished'
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
}
