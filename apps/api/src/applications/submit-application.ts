import { answersOf } from '#src/state/approval-evidence.ts'
import type { ApplicantWriteSession } from '#src/applicant-session/applicant-session.ts'
import type { AppDeps } from '#src/deps.ts'
import { fieldErrors } from '@kakunin/schema/errors'
import { firstTimeApplication } from '@kakunin/schema/form/application-form'
import { STEP_TITLES, STEPS_BY_FLOW } from '@kakunin/schema/form/steps'
import { conflict, notFound, validationFailed } from '#src/http/api-error.ts'
import { toApplicantView } from '#src/state/application-view.ts'
import { selectForSubmit } from './application-sql.ts'
import { RateLimitedError, secondsOverLimit } from '#src/http/rate-limit/enforce-limit.ts'
import { updateToSubmitted } from '#src/state/applicant-writes.ts'
import { explainRejectedWrite } from './rejected-write.ts'
import { outboxEmailRow } from '#src/email/outbox.ts'
import { addresseeOf, submissionReceivedEmail } from '#src/email/templates.ts'
import { newExpiringToken } from '#src/applicant-session/session-token.ts'
import { resumeLink } from '#src/applicant-session/resume-tokens.ts'

/**
 * 確認画面 → 続けて本人確認画像をアップロードする: validates the whole application, rules spanning
 * steps included, and moves it to SUBMITTED (from DRAFT, or from DENIED after the applicant
 * corrected it) with an event holding exactly what was submitted.
 */
export async function submitApplication(deps: Pick<AppDeps, 'pool' | 'mail' | 'clock' | 'settings'>, session: ApplicantWriteSession, input: { version: number }) {
  const { pool, mail } = deps
  const now = deps.clock()
  const owned = { ...session, now }
  // Two round trips on the way to SUBMITTED: this read (which counts the submit limit's hit and
  // touches the session) and the write. Each one costs more than all the checks between them.
  const limit = deps.settings.rateLimits.submit
  const current = await selectForSubmit(pool, owned, limit)
  if (!current) throw notFound('お申し込みが見つかりません')
  const wait = secondsOverLimit(limit, current.hit, now)
  if (wait !== null) throw new RateLimitedError(wait)
  if (current.flow !== 'FIRST_TIME') {
    throw conflict('取引時確認済みのAccount SIDをお持ちの方のお申し込みは、送信する（submit-link）で送ってください。')
  }
  const answers = answersOf(current)
  const missing = STEPS_BY_FLOW[current.flow].filter((step) => answers[step] === undefined)
  if (missing.length > 0) {
    const fields = Object.fromEntries(missing.map((step) => [step, `「${STEP_TITLES[step]}」が入力されていません`]))
    throw validationFailed(fields)
  }
  const parsed = firstTimeApplication.safeParse(answers)
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error.issues))
  // What was validated is what gets submitted: the write names the version read, so a save that
  // came in between (even one the client already knows of) makes it match nothing.
  if (current.version !== input.version) throw await explainRejectedWrite(pool, owned)

  const { login, user } = parsed.data
  const resume = newExpiringToken(now, deps.settings.resumeHours)
  const email = submissionReceivedEmail({
    reference: current.reference,
    link: resumeLink(mail.linkBaseUrl, resume.token),
    expiresAt: resume.expiresAt,
    addressee: addresseeOf(user),
    signature: mail.signature,
  })
  const row = await updateToSubmitted(pool, {
    ...session,
    version: current.version,
    from: current.status,
    answers: parsed.data,
    email: outboxEmailRow(mail.fromAddress, { to: login.loginEmail, fallbackTo: login.contactEmail, email }, now),
    resume,
    now,
  })
  if (!row) throw await explainRejectedWrite(pool, owned)
  // The row is the version read, so its answers are the ones already read (and parsed) above.
  return toApplicantView(pool, row, answers)
}
