import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { inquiryBody, inquiryReceipt } from '@kakunin/schema/inquiry'
import { byAddress, limitRequests } from '#src/http/rate-limit/limit-requests.ts'
import { receiveInquiry } from './inquiry-service.ts'

/**
 * お問い合わせ: anyone may send one; limited per client address so the form cannot be used to spam.
 * Not per session: anyone can open one, so it would only hand out more buckets.
 */
export const inquiryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/inquiries',
    {
      schema: { body: inquiryBody, response: { 201: inquiryReceipt, 400: errorResponse, 429: errorResponse } },
      preHandler: limitRequests(app, (limits) => limits.inquiry, byAddress),
    },
    async (request, reply) => {
      const applicationId = request.body.attachApplication ? await request.applicantApplicationId() : null
      const { reference } = await receiveInquiry(app.deps, request.body, applicationId)
      return reply.status(201).send({
        reference,
        message: `お問い合わせを受け付けました（お問い合わせ番号 ${reference}）。確認のメールをお送りしました。`,
      })
    },
  )
}
