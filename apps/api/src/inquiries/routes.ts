import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import rateLimit from '@fastify/rate-limit'
import { errorResponse } from '@kakunin/schema/errors'
import { inquiryBody, inquiryReceipt } from '@kakunin/schema/inquiry'
import { receiveInquiry } from './inquiry-service.ts'

/** お問い合わせ: anyone may send one; limited per client so the form cannot be used to spam. */
export const inquiryRoutes: FastifyPluginAsyncZod<{ rateLimit: number }> = async (app, options) => {
  await app.register(rateLimit, { global: false })
  app.post(
    '/inquiries',
    {
      schema: { body: inquiryBody, response: { 201: inquiryReceipt, 400: errorResponse, 429: errorResponse } },
      config: { rateLimit: { max: options.rateLimit, timeWindow: '15 minutes' } },
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
