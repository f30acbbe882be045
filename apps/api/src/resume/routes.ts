import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import rateLimit from '@fastify/rate-limit'
import { errorResponse } from '@kakunin/schema/errors'
import { RESUME_POINTS } from '@kakunin/schema/form/steps'
import { APPLICATION_STATUSES } from '@kakunin/schema/application'
import { z } from '@kakunin/schema/zod'
import { requireOwnApplication } from '#src/applicant-session/applicant-session.ts'
import { redeemResumeToken, renewResumeLink, sendDraftLink } from './resume-service.ts'

export interface ResumeRoutesOptions {
  /** Fresh-link requests per client per 15 minutes. */
  renewLimit: number
}

const tokenParams = z.strictObject({ token: z.string().check(z.maxLength(100)) })

/** Drafts by email: send a resume link, open it, or ask for a fresh one. */
export const resumeRoutes: FastifyPluginAsyncZod<ResumeRoutesOptions> = async (app, { renewLimit }) => {
  await app.register(rateLimit, { global: false })

  app.post(
    '/applications/:id/draft-link',
    {
      schema: { params: z.strictObject({ id: z.string() }), response: { 202: z.object({ sentTo: z.string() }), 404: errorResponse, 409: errorResponse } },
      preHandler: requireOwnApplication,
    },
    async (request, reply) => reply.status(202).send(await sendDraftLink(app.deps, request.params.id)),
  )

  // POST, not GET: mail scanners open links, and must not use up a single-use token.
  app.post(
    '/resume/:token',
    {
      schema: {
        params: tokenParams,
        response: {
          200: z.object({ status: z.enum(APPLICATION_STATUSES), resumeAt: z.nullable(z.enum(RESUME_POINTS)) }),
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const result = await redeemResumeToken(app.deps, request.params.token)
      reply.setApplicantSession(result.session)
      return { status: result.status, resumeAt: result.resumeAt as (typeof RESUME_POINTS)[number] | null }
    },
  )

  app.post(
    '/resume/:token/renew',
    {
      schema: { params: tokenParams, response: { 202: z.object({ message: z.string() }), 429: errorResponse } },
      config: { rateLimit: { max: renewLimit, timeWindow: '15 minutes' } },
    },
    async (request, reply) => {
      await renewResumeLink(app.deps, request.params.token)
      return reply.status(202).send({
        message: 'お申し込みが確認できた場合は、登録されたメールアドレスに新しいリンクをお送りしました。メールが届かない場合は、迷惑メールフォルダもご確認ください。',
      })
    },
  )
}
