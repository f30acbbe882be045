import type { DraftAnswers, StepValues } from '@kakunin/schema/form/application-form'
import { minorGuardianIssue } from '@kakunin/schema/form/agent-step'
import { STEPS_BY_FLOW, type ResumePoint, type StepId } from '@kakunin/schema/form/steps'
import type { Prisma as PrismaClient } from '../db/prisma-plugin.ts'
import { ApiError, notFound } from '../http/api-error.ts'
import { EDITABLE_STATUSES, writeIfCurrent } from './guarded-write.ts'
import { toApplicantView } from './application-view.ts'
import { searchColumns } from './search-columns.ts'

export const VALIDATION_MESSAGE = '入力内容に誤りがあります。各項目のメッセージをご確認ください。'

/**
 * Saves one step's answers (already validated by the step's schema) as the version the client
 * read. The row and an ANSWERS_SAVED event are written together; a stale version changes nothing.
 */
export async function saveStep<S extends StepId>(
  prisma: PrismaClient,
  id: string,
  step: S,
  input: { version: number; values: StepValues[S]; resumeAt?: ResumePoint | undefined },
  now = new Date(),
) {
  const current = await prisma.application.findUnique({ where: { id }, select: { flow: true, answers: true } })
  if (!current) throw notFound('お申し込みが見つかりません')
  if (!(STEPS_BY_FLOW[current.flow] as readonly StepId[]).includes(step)) {
    throw new ApiError(400, 'BAD_REQUEST', 'このお申し込みの手続きにはない入力項目です')
  }
  const previous = current.answers as DraftAnswers
  if (step === 'agent') {
    // The one rule spanning steps that the agent step can already check: a minor needs a guardian.
    const issue = minorGuardianIssue(previous.user?.birthDate, input.values as StepValues['agent'])
    if (issue) {
      throw new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, { [['values', ...issue.path].join('.')]: issue.message })
    }
  }
  const answers: DraftAnswers = { ...previous, [step]: input.values }
  const [application] = await writeIfCurrent(prisma, id, () =>
    prisma.$transaction([
      prisma.application.update({
        where: { id, version: input.version, status: { in: [...EDITABLE_STATUSES] } },
        data: {
          answers,
          resumeAt: input.resumeAt ?? null,
          version: { increment: 1 },
          updatedAt: now,
          ...searchColumns(answers),
        },
      }),
      prisma.applicationEvent.create({
        data: { applicationId: id, type: 'ANSWERS_SAVED', actorType: 'APPLICANT', data: { step, values: input.values }, createdAt: now },
      }),
    ]),
  )
  return toApplicantView(application)
}
