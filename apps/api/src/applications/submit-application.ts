import type { ApplicantWriteSession } from '../applicant-session/applicant-session.ts'
import type { AppDeps } from '../deps.ts'
import { fieldErrors } from '@kakunin/schema/errors'
import { firstTimeApplication } from '@kakunin/schema/form/application-form'
import { STEP_TITLES, STEPS_BY_FLOW } from '@kakunin/schema/form/steps'
import { ApiError, conflict, notFound } from '../http/api-error.ts'
import { rowToView, selectOwnedApplication } from './application-sql.ts'
import { updateToSubmitted } from '../state/applicant-writes.ts'
import { explainRejectedWrite } from './rejected-write.ts'
import { VALIDATION_MESSAGE } from './save-step.ts'
import { newMessageId } from '../email/outbox.ts'
import { submissionReceivedEmail } from '../email/templates.ts'

/**
 * 確認画面 → 続けて本人確認画像をアップロードする: validates the whole application, rules spanning
 * steps included, and moves it to SUBMITTED (from DRAFT, or from DENIED after the applicant
 * corrected it) with an event holding exactly what was submitted.
 */
export async function submitApplication(deps: Pick<AppDeps, 'pool' | 'mail' | 'clock'>, session: ApplicantWriteSession, input: { version: number }) {
  const { pool, mail } = deps
  const now = deps.clock()
  const owned = { ...session, now }
  const current = await selectOwnedApplication(pool, owned)
  if (!current) throw notFound('お申し込みが見つかりません')
  if (current.flow !== 'FIRST_TIME') {
    throw conflict('取引時確認済みのAccount SIDをお持ちの方のお申し込みは、送信する（submit-link）で送ってください。')
  }
  const missing = STEPS_BY_FLOW[current.flow].filter((step) => current.answers[step] === undefined)
  if (missing.length > 0) {
    const fields = Object.fromEntries(missing.map((step) => [step, `「${STEP_TITLES[step]}」が入力されていません`]))
    throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, fields)
  }
  const parsed = firstTimeApplication.safeParse(current.answers)
  if (!parsed.success) throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, fieldErrors(parsed.error.issues))

  const row = await updateToSubmitted(pool, {
    ...session,
    version: input.version,
    answers: parsed.data,
    email: {
      ...submissionReceivedEmail({ reference: current.reference, senderName: mail.senderName }),
      to: parsed.data.login.loginEmail,
      fallbackTo: parsed.data.login.contactEmail,
      messageId: newMessageId(mail.fromAddress),
    },
    now,
  })
  if (!row) throw await explainRejectedWrite(pool, owned)
  return rowToView(pool, row)
}
