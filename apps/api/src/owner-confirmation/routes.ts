import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { z } from '@kakunin/schema/zod'
import { applicantApplication, submitBody } from '@kakunin/schema/application'
import { requireOwnApplication } from '#src/applicant-session/applicant-session.ts'
import { byOwnApplication, limitRequests } from '#src/http/rate-limit/limit-requests.ts'
import { answerOwnerConfirmation } from './owner-confirmation-service.ts'
import { submitLink } from './submit-link.ts'

const tokenParams = z.strictObject({ token: z.string().check(z.maxLength(100)) })
const answered = z.object({ answer: z.enum(['CONFIRM', 'DECLINE']) })

const idParams = z.strictObject({ id: z.string() })

/**
 * 2回目以降: 送信する asks the owner of the verified account; the owner answers the emailed link by
 * POST (a mail scanner's GET spends nothing).
 */
export const ownerConfirmationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/applications/:id/submit-link',
    {
      schema: { params: idParams, body: submitBody, response: { 200: applicantApplication, 400: errorResponse, 404: errorResponse, 409: errorResponse, 429: errorResponse } },
      // Each look-up of a verified SID is counted per application (the create limit bounds how many
      // one address opens), so SIDs cannot be enumerated; the owner's email has its own limit.
      preHandler: [requireOwnApplication, limitRequests(app, (limits) => limits.linkCheck, byOwnApplication)],
    },
    async (request) => submitLink(app.deps, request.params.id, request.body),
  )

  for (const answer of ['CONFIRM', 'DECLINE'] as const) {
    app.post(
      `/owner-confirmations/:token/${answer === 'CONFIRM' ? 'confirm' : 'decline'}`,
      { schema: { params: tokenParams, response: { 200: answered, 404: errorResponse, 409: errorResponse } } },
      async (request) => answerOwnerConfirmation(app.deps, request.params.token, answer),
    )
  }
}
