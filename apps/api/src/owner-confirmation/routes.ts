import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { z } from '@kakunin/schema/zod'
import { answerOwnerConfirmation } from './owner-confirmation-service.ts'

const tokenParams = z.strictObject({ token: z.string().check(z.maxLength(100)) })
const answered = z.object({ answer: z.enum(['CONFIRM', 'DECLINE']) })

/** The owner of a verified account answers the emailed link: POST, so a mail scanner's GET spends nothing. */
export const ownerConfirmationRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const answer of ['CONFIRM', 'DECLINE'] as const) {
    app.post(
      `/owner-confirmations/:token/${answer === 'CONFIRM' ? 'confirm' : 'decline'}`,
      { schema: { params: tokenParams, response: { 200: answered, 404: errorResponse, 409: errorResponse } } },
      async (request) => answerOwnerConfirmation(app.deps, request.params.token, answer),
    )
  }
}
