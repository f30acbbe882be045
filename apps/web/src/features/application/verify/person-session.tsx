import type { ReactNode } from 'react'
import type { VerificationView } from '@kakunin/schema/verification'
import { PERSON_PHASE_MESSAGES, type Person, type VerificationPhase } from './verification-phase.ts'
import { VerificationQr } from './verification-qr.tsx'

/** How each person is called on the page. */
export const PERSON_NAMES: Record<Person, string> = { customer: '利用者ご本人', agent: '代理人の方' }

/** The button that opens a person's first QR code. The customer's keeps the article's wording. */
export const START_LABELS: Record<Person, string> = {
  customer: '利用者身元確認プランの確認を行う',
  agent: '代理人の本人確認用QRコードを表示する',
}

/**
 * One person's eKYC when a 代理人 was declared: a section of its own with the person's heading,
 * the button that opens their QR code (or a new one once it expired), their progress announced in
 * their own live region, and the QR code with its expiry while it is in use.
 */
export function PersonSession(props: {
  person: Person
  heading: string
  intro: ReactNode
  phase: VerificationPhase | undefined
  session: VerificationView | null | undefined
  /** Whether a QR code may be opened now (the application is not decided). */
  canStart: boolean
  onStart: () => void
  starting: boolean
  startError: string | undefined
}) {
  const { person, heading, phase, session, canStart, onStart, starting, startError } = props
  const titleId = `${person}-verification-title`
  const name = PERSON_NAMES[person]
  const message = phase ? PERSON_PHASE_MESSAGES[person][phase] : ''
  const showQr = session && (phase === 'waiting' || phase === 'in-progress')
  return (
    <section className="person-verification" aria-labelledby={titleId}>
      <h2 id={titleId}>{heading}</h2>
      {props.intro}
      {startError && (
        <div className="notice notice-error" role="alert">
          <p>{startError}</p>
        </div>
      )}
      {canStart && (phase === 'none' || phase === 'expired') && (
        <div className="actions">
          <button type="button" className="button" onClick={onStart} disabled={starting}>
            {phase === 'expired' ? (
              <>
                新しいQRコードを表示する<span className="visually-hidden">（{name}）</span>
              </>
            ) : (
              START_LABELS[person]
            )}
          </button>
        </div>
      )}
      {/* Always on the page, so each change of this person's phone is announced. */}
      <div className="person-status" role="status" aria-live="polite">
        {message && <p className={phase === 'expired' ? 'notice notice-error' : phase === 'finished' ? 'notice notice-done' : 'notice'}>{message}</p>}
      </div>
      {showQr && <VerificationQr verification={session} person={name} />}
    </section>
  )
}
