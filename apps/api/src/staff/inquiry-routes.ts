import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { INQUIRY_KINDS, INQUIRY_STATUSES } from '@kakunin/schema/inquiry'
import { requiredText } from '@kakunin/schema/text'
import { z } from '@kakunin/schema/zod'
import type { Inquiry } from '#src/generated/prisma/client.ts'
import { conflict, notFound } from '#src/http/api-error.ts'
import { requireRole, staffOf } from './staff-auth.ts'

const inquiryView = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(INQUIRY_KINDS),
  name: z.string(),
  email: z.string(),
  accountSid: z.nullable(z.string()),
  content: z.string(),
  applicationId: z.nullable(z.uuid()),
  status: z.enum(INQUIRY_STATUSES),
  answeredAt: z.nullable(z.iso.datetime()),
  answerNote: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
})

const toView = (inquiry: Inquiry) => ({
  ...inquiry,
  answeredAt: inquiry.answeredAt?.toISOString() ?? null,
  createdAt: inquiry.createdAt.toISOString(),
})

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse }
const idParams = z.strictObject({ id: z.uuid('お問い合わせが見つかりません') })
const security = [{ staffKey: [] }]

/** Inquiries for support staff: list (open first by default), read, mark answered with a note. */
export const staffInquiryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { clock } = app.deps
  app.get(
    '/inquiries',
    {
      preHandler: requireRole('VIEWER'),
      schema: {
        tags: ['staff'],
        security,
        querystring: z.strictObject({
          status: z.optional(z.enum(INQUIRY_STATUSES)),
          limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
        }),
        response: { 200: z.object({ items: z.array(inquiryView) }), ...errors },
      },
    },
    async (request) => ({
      items: (
        await app.prisma.inquiry.findMany({
          where: request.query.status ? { status: request.query.status } : {},
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: request.query.limit,
        })
      ).map(toView),
    }),
  )

  app.get(
    '/inquiries/:id',
    { preHandler: requireRole('VIEWER'), schema: { tags: ['staff'], security, params: idParams, response: { 200: inquiryView, ...errors } } },
    async (request) => {
      const inquiry = await app.prisma.inquiry.findUnique({ where: { id: request.params.id } })
      if (!inquiry) throw notFound('お問い合わせが見つかりません')
      return toView(inquiry)
    },
  )

  app.post(
    '/inquiries/:id/answer',
    {
      preHandler: requireRole('REVIEWER'),
      schema: {
        tags: ['staff'],
        security,
        params: idParams,
        body: z.strictObject({ note: requiredText(2000, '対応内容を入力してください') }),
        response: { 200: inquiryView, ...errors },
      },
    },
    async (request) => {
      const answered = await app.prisma.inquiry.updateMany({
        where: { id: request.params.id, status: 'OPEN' },
        data: { status: 'ANSWERED', answeredAt: clock(), answeredById: staffOf(request).id, answerNote: request.body.note },
      })
      const inquiry = await app.prisma.inquiry.findUnique({ where: { id: request.params.id } })
      if (!inquiry) throw notFound('お問い合わせが見つかりません')
      if (answered.count === 0) throw conflict('このお問い合わせは対応済みです')
      return toView(inquiry)
    },
  )
}
