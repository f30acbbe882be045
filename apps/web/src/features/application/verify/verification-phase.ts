import type { ApplicationStatus } from '@kakunin/schema/application'
import type { CurrentVerificationResponse, VerificationStatus, VerificationView } from '@kakunin/schema/verification'

/**
 * Where one person's 身元確認 stands, from the desktop's point of view:
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

/**
 * With a 代理人 there are two phones: the application is IN_REVIEW as soon as one of them is done,
 * while the other person may still be to scan their QR code. Only a decision ends both.
 */
const AWAITING_A_PHONE: readonly ApplicationStatus[] = [...AWAITING_PHONE, 'IN_REVIEW']

/** Where one session (the customer's or the agent's) stands while the application is `applicationStatus`. */
export function sessionPhase(applicationStatus: ApplicationStatus, verification: VerificationView | null, { withAgent = false } = {}): VerificationPhase {
  if (!(withAgent ? AWAITING_A_PHONE : AWAITING_PHONE).includes(applicationStatus)) {
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
    // With an agent, one person's session may be approved while the other's is still to come; the
    // sessions read are this submission's own.
    case 'APPROVED':
      return withAgent ? 'finished' : 'none'
    default:
      return 'none'
  }
}

/** The customer's own session. */
export const verificationPhase = ({ applicationStatus, verification, agent }: CurrentVerificationResponse): VerificationPhase =>
  sessionPhase(applicationStatus, verification, { withAgent: agent !== null })

/** The 代理人's session; null without an agent. */
export const agentPhase = ({ applicationStatus, agent }: CurrentVerificationResponse): VerificationPhase | null =>
  agent ? sessionPhase(applicationStatus, agent.verification, { withAgent: true }) : null

/** Whether every person's phone flow is done (the customer's, and the agent's when there is one). */
export function everyPhoneDone(data: CurrentVerificationResponse): boolean {
  const agent = agentPhase(data)
  return verificationPhase(data) === 'finished' && (agent === null || agent === 'finished')
}

export const PHASE_MESSAGES: Record<VerificationPhase, string> = {
  none: '',
  waiting: 'スマートフォンで本人確認を行ってください',
  'in-progress': 'スマートフォンで本人確認を進めています',
  expired: 'QRコードの有効期限が切れました。「新しいQRコードを表示する」を押して、もう一度読み取ってください。',
  finished: 'スマートフォンでの本人確認が完了しました。「次へ」を押してください。',
  decided: 'お申し込みの審査結果が出ました。結果を読み込んでいます…',
}

/** Whose session a section of the page is about, when there are two. */
export type Person = 'customer' | 'agent'

/** With a 代理人, each person's section says whose phone it waits for; 次へ waits for both. */
export const PERSON_PHASE_MESSAGES: Record<Person, Record<VerificationPhase, string>> = {
  customer: {
    none: '',
    waiting: '利用者ご本人のスマートフォンで、QRコードを読み取ってください',
    'in-progress': '利用者ご本人のスマートフォンで本人確認を進めています',
    expired: PHASE_MESSAGES.expired,
    finished: '利用者ご本人のスマートフォンでの本人確認が完了しました。',
    decided: '',
  },
  agent: {
    none: '',
    waiting: '代理人の方のスマートフォンで、QRコードを読み取ってください',
    'in-progress': '代理人の方のスマートフォンで本人確認を進めています',
    expired: PHASE_MESSAGES.expired,
    finished: '代理人の方のスマートフォンでの本人確認が完了しました。',
    decided: '',
  },
}
