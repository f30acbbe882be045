import { queryText } from '@kakunin/schema/text'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { z } from '@kakunin/schema/zod'
import { mailboxResponse, mailView } from '@kakunin/schema/dev-mailbox'
import { notFound } from '#src/http/api-error.ts'
import type { Config } from '#src/config/config.ts'

const toView = (mail: {
  id: string
  template: string
  to: string
  subject: string
  text: string
  html: string
  status: 'PENDING' | 'SENT' | 'FAILED'
  deliveredTo: string | null
  createdAt: Date
}) => ({ ...mail, createdAt: mail.createdAt.toISOString() })

/**
 * The mailbox is served only where mail goes nowhere else: in development and test, and only
 * without an SMTP server. Its resume links open other applicants' applications, so a staging
 * machine that really sends mail (SMTP_URL set) must not show them to anyone who asks.
 */
export const mailboxEnabled = (config: Pick<Config, 'NODE_ENV' | 'SMTP_URL'>) =>
  !config.SMTP_URL && (config.NODE_ENV === 'development' || config.NODE_ENV === 'test')

/** The development mailbox: every queued email, newest first, optionally for one address. */
export const mailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const select = { id: true, template: true, to: true, subject: true, text: true, html: true, status: true, deliveredTo: true, createdAt: true }

  app.get(
    '/dev/mailbox',
    { schema: { querystring: z.strictObject({ to: z.optional(queryText(254)) }), response: { 200: mailboxResponse, 400: errorResponse } } },
    async (request) => {
      const mails = await app.prisma.outboxEmail.findMany({
        where: request.query.to ? { to: request.query.to } : {},
        orderBy: { createdAt: 'desc' },
        take: 50,
        select,
      })
      return { mails: mails.map(toView) }
    },
  )

  app.get(
    '/dev/mailbox/:id',
    { schema: { params: z.strictObject({ id: z.uuid('メールが見つかりません') }), response: { 200: mailView, 404: errorResponse } } },
    async (request) => {
      const mail = await app.prisma.outboxEmail.findUnique({ where: { id: request.params.id }, select })
      if (!mail) throw notFound('メールが見つかりません')
      return toView(mail)
    },
  )
}
