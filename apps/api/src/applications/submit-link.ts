import { fieldErrors } from '@kakunin/schema/errors'
import { linkVerifiedApplication } from '@kakunin/schema/form/application-form'
import { STALE_VERSION_MESSAGE } from '@kakunin/schema/application'
import { STEP_TITLES, STEPS_BY_FLOW } from '@kakunin/schema/form/steps'
import type { Prisma } from '../db/prisma-plugin.ts'
import type { MailSettings } from '../email/mail-plugin.ts'
import { enqueueEmail } from '../email/outbox.ts'
import { linkedApprovedEmail } from '../email/templates.ts'
import { ApiError, conflict, notFound } from '../http/api-error.ts'
import { toApplicantView } from './application-view.ts'
import type pg from 'pg'
import { VALIDATION_MESSAGE } from './save-step.ts'

/** Says no more than "not verified", whatever the reason: unknown, pending, denied or someone else's. */
export const NOT_VERIFIED_MESSAGE = '取引時確認済みのAccount SIDとして確認できませんでした。入力内容をご確認ください。'
export const SID_IN_USE_MESSAGE = 'この新しいAccount SIDは、すでに取引時確認済みか、別のお申し込みで手続き中です。'

/** Statuses in which an application holds its Account SID. */
const HOLDING = ['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'APPROVED'] as const

/**
 * 2回目以降 → 送信する: a new Account SID relies on one that already passed 取引時確認 (犯収法4条3項,
 * a customer already verified). When that SID belongs to an APPROVED application, this one is
 * submitted and approved at once, the event naming the application it relies on, and an email
 * confirms it. Otherwise nothing is stored and the field says only "not verified".
 */
export async function submitLink(prisma: Prisma, pool: pg.Pool, mail: MailSettings, id: string, input: { version: number }, now = new Date()) {
  const application = await prisma.application.findUnique({ where: { id } })
  if (!application) throw notFound('お申し込みが見つかりません')
  if (application.flow !== 'LINK_VERIFIED') throw conflict('このお申し込みは、取引時確認済みのAccount SIDとの紐付けではありません。')
  if (application.status !== 'DRAFT') throw conflict('このお申し込みは送信済みです。')
  const answers = application.answers as Record<string, unknown>
  const missing = STEPS_BY_FLOW.LINK_VERIFIED.filter((step) => answers[step] === undefined)
  if (missing.length > 0) {
    throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, Object.fromEntries(missing.map((step) => [step, `「${STEP_TITLES[step]}」が入力されていません`])))
  }
  const parsed = linkVerifiedApplication.safeParse(answers)
  if (!parsed.success) throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, fieldErrors(parsed.error.issues))
  const { accountSid, verifiedAccountSid, loginEmail, contactEmail } = parsed.data.login
  if (!verifiedAccountSid) throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, { 'login.verifiedAccountSid': NOT_VERIFIED_MESSAGE })

  const reliedOn = await prisma.application.findFirst({
    where: { accountSid: verifiedAccountSid, status: 'APPROVED' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, reference: true },
  })
  if (!reliedOn) throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, { 'login.verifiedAccountSid': NOT_VERIFIED_MESSAGE })
  const taken = await prisma.application.count({ where: { accountSid, status: { in: [...HOLDING] }, id: { not: id } } })
  if (taken > 0) throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, { 'login.accountSid': SID_IN_USE_MESSAGE })

  const approved = await prisma.$transaction(async (tx) => {
    const submitted = await tx.application.updateMany({
      where: { id, version: input.version, status: 'DRAFT' },
      data: { status: 'SUBMITTED', submittedAt: now, resumeAt: null, version: { increment: 1 }, updatedAt: now },
    })
    if (submitted.count === 0) throw conflict(STALE_VERSION_MESSAGE)
    await tx.applicationEvent.create({
      data: { applicationId: id, type: 'SUBMITTED', actorType: 'APPLICANT', fromStatus: 'DRAFT', toStatus: 'SUBMITTED', data: { answers: parsed.data }, createdAt: now },
    })
    const row = await tx.application.update({ where: { id }, data: { status: 'APPROVED', version: { increment: 1 }, updatedAt: now } })
    await tx.applicationEvent.create({
      data: {
        applicationId: id,
        type: 'DECIDED',
        actorType: 'SYSTEM',
        fromStatus: 'SUBMITTED',
        toStatus: 'APPROVED',
        data: {
          basis: '犯罪収益移転防止法4条3項: 取引時確認済みの顧客',
          reliedOnApplicationId: reliedOn.id,
          reliedOnReference: reliedOn.reference,
          verifiedAccountSid,
        },
        createdAt: now,
      },
    })
    const email = linkedApprovedEmail({ reference: application.reference, accountSid, verifiedAccountSid, senderName: mail.senderName })
    await enqueueEmail(tx, mail.fromAddress, { applicationId: id, to: loginEmail, fallbackTo: contactEmail, email }, now)
    return row
  })
  return toApplicantView(pool, approved)
}
