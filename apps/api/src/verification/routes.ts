import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { currentVerificationResponse, verificationView } from '@kakunin/schema/verification'
import { z } from '@kakunin/schema/zod'
import { requireOwnApplication } from '#src/applicant-session/applicant-session.ts'
import { byOwnApplication, limitRequests } from '#src/http/rate-limit/limit-requests.ts'
import { currentVerification, startVerification } from './verification-service.ts'

const idParams = z.strictObject({ id: z.string() })
const errors = { 404: errorResponse, 409: errorResponse }

/** The applicant's side of 身元確認: open a session (QR code) and follow it until the verdict. */
export const verificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/applications/:id/verifications',
    {
      schema: { params: idParams, response: { 201: verificationView, 429: errorResponse, ...errors } },
      // Each QR code opens a session with the vendor (a paid call with TRUSTDOCK): limited per application.
      preHandler: [requireOwnApplication, limitRequests(app, (limits) => limits.verification, byOwnApplication)],
    },
    async (request, reply) => {
      // Never the request's Host: anyone can send one, and the QR code would then send the
      // applicant's phone, with its token, wherever that Host pointed.
      const view = await startVerification(app.deps, request.params.id, { publicBaseUrl: app.deps.settings.publicBaseUrl })
      return reply.status(201).send(view)
    },
  )

  // The 代理人's own session (犯収法4条4項): a second QR code, for the agent's phone.
  app.post(
    '/applications/:id/verifications/agent',
    {
      schema: { params: idParams, response: { 201: verificationView, 429: errorResponse, ...errors } },
      preHandler: [requireOwnApplication, limitRequests(app, (limits) => limits.verification, byOwnApplication)],
    },
    async (request, reply) => {
      const view = await startVerification(app.deps, request.params.id, { publicBaseUrl: app.deps.settings.publicBaseUrl, subject: 'AGENT' })
      return reply.status(201).send(view)
    },
  )

  app.get(
    '/applications/:id/verifications/current',
    { schema: { params: idParams, response: { 200: currentVerificationResponse, ...errors } }, preHandler: requireOwnApplication },
    async (request) => currentVerification(app.deps, request.params.id),
  )
}
