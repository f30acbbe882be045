import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { RESUME_POINTS } from '@kakunin/schema/form/steps'
import { resumeLinkPreview, resumeLinkRedeemed } from '@kakunin/schema/resume-link'
import { z } from '@kakunin/schema/zod'
import { requireOwnApplication } from '#src/applicant-session/applicant-session.ts'
import { byAddress, limitRequests } from '#src/http/rate-limit/limit-requests.ts'
import { previewResumeToken, redeemResumeToken, renewResumeLink, sendDraftLink } from './resume-service.ts'

const tokenParams = z.strictObject({ token: z.string().check(z.maxLength(100)) })

/** Drafts by email: send a resume link, open it, or ask for a fresh one. */
export const resumeRoutes: FastifyPluginAsyncZod = async (app) => {
  // 下書き保存 saved the answers in its own request before this one: a 429 here (too many link
  // emails for this application or address) loses nothing, and the page says so.
  app.post(
    '/applications/:id/draft-link',
    {
      schema: { params: z.strictObject({ id: z.string() }), response: { 202: z.object({ sentTo: z.string() }), 404: errorResponse, 409: errorResponse, 429: errorResponse } },
      preHandler: requireOwnApplication,
    },
    async (request, reply) => reply.status(202).send(await sendDraftLink(app.deps, request.params.id)),
  )

  // Reading what a link continues leaves it unused: the page shows it before anything is taken over.
  app.get(
    '/resume/:token',
    { schema: { params: tokenParams, response: { 200: resumeLinkPreview, 404: errorResponse } } },
    async (request) => previewResumeToken(app.deps, request.params.token),
  )

  // POST, not GET: mail scanners open links, and must not use up a single-use token.
  app.post(
    '/resume/:token',
    { schema: { params: tokenParams, response: { 200: resumeLinkRedeemed, 404: errorResponse } } },
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
      preHandler: limitRequests(app, (limits) => limits.resumeRenew, byAddress),
    },
    async (request, reply) => {
      await renewResumeLink(app.deps, request.params.token)
      return reply.status(202).send({
        message: 'お申し込みが確認できた場合は、登録されたメールアドレスに新しいリンクをお送りしました。メールが届かない場合は、迷惑メールフォルダもご確認ください。',
      })
    },
  )
}
