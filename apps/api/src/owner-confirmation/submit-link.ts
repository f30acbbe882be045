import type { AppDeps } from '#src/deps.ts'
import { fieldErrors } from '@kakunin/schema/errors'
import { linkVerifiedApplication } from '@kakunin/schema/form/application-form'
import { STEP_TITLES, STEPS_BY_FLOW } from '@kakunin/schema/form/steps'
import { SID_HOLDING_STATUSES, SUBMITTABLE_STATUSES } from '@kakunin/schema/status-machine'
import { conflict, notFound, validationFailed } from '#src/http/api-error.ts'
import { RateLimitedError, waitInWords } from '#src/http/rate-limit/enforce-limit.ts'
import { emailOverLimit } from '#src/http/rate-limit/email-limits.ts'
import { requestOwnerConfirmation, type ConfirmationDeps } from './owner-confirmation-service.ts'
import { answersOf, highRiskOf, verifiedRootOf } from '#src/state/approval-evidence.ts'
import { changeStatus } from '#src/state/transition.ts'
import { toApplicantView } from '#src/state/application-view.ts'

/** Says no more than "not verified", whatever the reason: unknown, pending, denied, high-risk or someone else's. */
export const NOT_VERIFIED_MESSAGE = '取引時確認済みのAccount SIDとして確認できませんでした。入力内容をご確認ください。'
export const SID_IN_USE_MESSAGE = 'この新しいAccount SIDは、すでに取引時確認済みか、別のお申し込みで手続き中です。'

const notVerified = () => validationFailed({ 'login.verifiedAccountSid': NOT_VERIFIED_MESSAGE })

/**
 * 2回目以降 → 送信する: a new Account SID relies on a customer already verified (犯収法4条3項). The
 * cited SID must lead, through confirmed links, to a first-time application with a lawful
 * verification of record, and the customer must not be high-risk. Then the application is
 * SUBMITTED and the owner of the verified account is asked, by email, to confirm that it is theirs;
 * only that confirmation approves it. Otherwise nothing is stored and the field says only "not verified".
 */
export async function submitLink(deps: AppDeps, id: string, input: { version: number }) {
  const { prisma, pool } = deps
  const now = deps.clock()
  const confirming: ConfirmationDeps = { ...deps, hours: deps.settings.confirmationHours }
  const application = await prisma.application.findUnique({ where: { id } })
  if (!application) throw notFound('お申し込みが見つかりません')
  if (application.flow !== 'LINK_VERIFIED') throw conflict('このお申し込みは、取引時確認済みのAccount SIDとの紐付けではありません。')
  if (!SUBMITTABLE_STATUSES.includes(application.status)) throw conflict('このお申し込みは送信済みです。')
  const answers = answersOf(application)
  const missing = STEPS_BY_FLOW.LINK_VERIFIED.filter((step) => answers[step] === undefined)
  if (missing.length > 0) {
    throw validationFailed(Object.fromEntries(missing.map((step) => [step, `「${STEP_TITLES[step]}」が入力されていません`])))
  }
  const parsed = linkVerifiedApplication.safeParse(answers)
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error.issues))
  const { accountSid, verifiedAccountSid } = parsed.data.login
  if (!verifiedAccountSid) throw notVerified()

  const chain = await verifiedRootOf(prisma, verifiedAccountSid)
  if (!chain || chain.reliedOn.id === id || (await highRiskOf(prisma, chain.root)).length > 0) throw notVerified()
  const taken = await prisma.application.count({ where: { accountSid, status: { in: [...SID_HOLDING_STATUSES] }, id: { not: id } } })
  if (taken > 0) throw validationFailed({ 'login.accountSid': SID_IN_USE_MESSAGE })
  // The owner is a third party: however many applications cite their SID, they get few emails.
  // Refused here, before anything changes: the answers stay saved and 送信する can be pressed later.
  const owner = answersOf(chain.reliedOn).login
  const recipients = [owner?.loginEmail, owner?.contactEmail, parsed.data.login.loginEmail, parsed.data.login.contactEmail].filter((to) => to !== undefined)
  const wait = await emailOverLimit(deps, deps.settings.rateLimits.confirmationEmail, { applicationId: id, recipients })
  if (wait !== null) {
    throw new RateLimitedError(wait, `確認のメールを短い時間に続けてお送りしたため、いまは送信できません。入力内容は保存されています。${waitInWords(wait)}後に、もう一度「送信する」を押してください。`)
  }

  const { application: submitted } = await changeStatus(confirming, {
    applicationId: id,
    to: 'SUBMITTED',
    actor: { type: 'APPLICANT', id: null },
    expectedVersion: input.version,
    event: { type: 'SUBMITTED', data: { answers: parsed.data } },
    after: (tx, changed) => requestOwnerConfirmation(tx, confirming, changed, chain, now),
    now,
  })
  return toApplicantView(pool, submitted)
}
