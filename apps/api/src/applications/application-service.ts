import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import { openApplicantSession } from '#src/applicant-session/open-session.ts'
import type { AppDeps } from '#src/deps.ts'
import { notFound } from '#src/http/api-error.ts'
import { openApplication } from '#src/state/open-application.ts'
import { toApplicantView } from '#src/state/application-view.ts'
import { nextReference } from '#src/db/reference-number.ts'

/**
 * Opens a DRAFT application and a session for it. The reference number, the row, its CREATED
 * event and the session are written in one transaction, so a failure leaves nothing behind (not
 * even a used number). The route gives the browser the session.
 */
export async function createApplication(deps: AppDeps, input: { flow: ApplicationFlow }) {
  const now = deps.clock()
  const { application, session } = await deps.prisma.$transaction(async (tx) => {
    const reference = await nextReference(tx, 'KYC', now)
    const application = await openApplication(tx, { reference, flow: input.flow, now })
    return { application, session: await openApplicantSession(tx, application.id, now, deps.settings.sessionMaxHours) }
  })
  return { application: await toApplicantView(deps.pool, application), session }
}

export async function findApplicantApplication(deps: AppDeps, id: string) {
  const application = await deps.prisma.application.findUnique({ where: { id } })
  if (!application) throw notFound('お申し込みが見つかりません')
  return toApplicantView(deps.pool, application)
}
