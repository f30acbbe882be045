import { fieldErrors } from '@kakunin/schema/errors'
import { firstTimeApplication, type DraftAnswers } from '@kakunin/schema/form/application-form'
import { STEP_TITLES, STEPS_BY_FLOW } from '@kakunin/schema/form/steps'
import type { Prisma as PrismaClient } from '../db/prisma-plugin.ts'
import { ApiError, conflict, notFound } from '../http/api-error.ts'
import { EDITABLE_STATUSES, writeIfCurrent } from './guarded-write.ts'
import { toApplicantView } from './application-view.ts'
import { VALIDATION_MESSAGE } from './save-step.ts'

/**
 * 確認画面 → 続けて本人確認画像をアップロードする: validates the whole application, rules spanning
 * steps included, and moves it DRAFT → SUBMITTED with an event holding exactly what was submitted.
 */
export async function submitApplication(prisma: PrismaClient, id: string, input: { version: number }, now = new Date()) {
  const current = await prisma.application.findUnique({ where: { id }, select: { flow: true, answers: true, status: true } })
  if (!current) throw notFound('お申し込みが見つかりません')
  if (current.flow !== 'FIRST_TIME') {
    throw conflict('取引時確認済みのAccount SIDをお持ちの方のお申し込みは、現在受け付けておりません。')
  }
  const answers = current.answers as DraftAnswers
  const missing = STEPS_BY_FLOW[current.flow].filter((step) => answers[step] === undefined)
  if (missing.length > 0) {
    const fields = Object.fromEntries(missing.map((step) => [step, `「${STEP_TITLES[step]}」が入力されていません`]))
    throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, fields)
  }
  const parsed = firstTimeApplication.safeParse(answers)
  if (!parsed.success) throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, fieldErrors(parsed.error.issues))

  const [application] = await writeIfCurrent(prisma, id, () =>
    prisma.$transaction([
      prisma.application.update({
        where: { id, version: input.version, status: { in: [...EDITABLE_STATUSES] } },
        data: { status: 'SUBMITTED', submittedAt: now, resumeAt: null, version: { increment: 1 }, updatedAt: now },
      }),
      prisma.applicationEvent.create({
        data: {
          applicationId: id,
          type: 'SUBMITTED',
          actorType: 'APPLICANT',
          fromStatus: current.status,
          toStatus: 'SUBMITTED',
          data: { answers: parsed.data },
          createdAt: now,
        },
      }),
    ]),
  )
  return toApplicantView(application)
}
