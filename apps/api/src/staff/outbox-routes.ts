import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { staffOutboxItem, staffOutboxList, staffOutboxParams, staffOutboxQuery } from '@kakunin/schema/staff'
import { maskEmail } from '#src/email/mask-email.ts'
import type { OutboxEmail, OutboxWebhook } from '#src/generated/prisma/client.ts'
import { conflict, notFound } from '#src/http/api-error.ts'
import { requireRole, staffOf } from './staff-auth.ts'

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse }
const security = [{ staffKey: [] }]
const NOT_FOUND = '送信待ちの記録が見つかりません'
const NOT_FAILED = 'この送信は失敗（FAILED）の状態ではないため、再送できません'

// Only what an admin needs to judge a delivery: never subject, text, html or payload.
const common = {
  id: true,
  applicationId: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  nextAttemptAt: true,
  sentAt: true,
  redriveCount: true,
  redrivenAt: true,
  redrivenById: true,
} as const
const emailColumns = { ...common, template: true, to: true } as const
const webhookColumns = { ...common, eventType: true } as const

type Common = Pick<OutboxEmail, keyof typeof common>
const iso = (date: Date | null) => date?.toISOString() ?? null

// SMTP errors and the fallback note quote the refused address.
const maskAddresses = (text: string) => text.replace(/[^\s<>()[\]"',;:@]+@[A-Za-z0-9.-]+/g, maskEmail)

const view = (row: Common, kind: 'email' | 'webhook', type: string, recipient: string | null) => ({
  kind,
  type,
  recipient,
  id: row.id,
  applicationId: row.applicationId,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError === null ? null : maskAddresses(row.lastError),
  createdAt: row.createdAt.toISOString(),
  nextAttemptAt: row.nextAttemptAt.toISOString(),
  sentAt: iso(row.sentAt),
  redriveCount: row.redriveCount,
  redrivenAt: iso(row.redrivenAt),
  redrivenById: row.redrivenById,
})
const emailView = (row: Pick<OutboxEmail, keyof typeof emailColumns>) => view(row, 'email', row.template, maskEmail(row.to))
const webhookView = (row: Pick<OutboxWebhook, keyof typeof webhookColumns>) => view(row, 'webhook', row.eventType, null)

/**
 * /api/staff/outbox (ADMIN): the mails and status webhooks that could not be delivered in the
 * retry window (FAILED) stay visible here, and an admin sends one again once the cause is fixed.
 */
export const staffOutboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { clock } = app.deps
  const admin = requireRole('ADMIN')

  app.get(
    '/outbox',
    { preHandler: admin, schema: { tags: ['staff'], security, querystring: staffOutboxQuery, response: { 200: staffOutboxList, ...errors } } },
    async (request) => {
      const { status, kind, limit } = request.query
      const query = { where: { status }, orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }], take: limit }
      const [emails, webhooks] = await Promise.all([
        kind === 'webhook' ? [] : app.prisma.outboxEmail.findMany({ ...query, select: emailColumns }),
        kind === 'email' ? [] : app.prisma.outboxWebhook.findMany({ ...query, select: webhookColumns }),
      ])
      const items = [...emails.map(emailView), ...webhooks.map(webhookView)]
      return { items: items.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit) }
    },
  )

  /** FAILED → PENDING, due now; the retry window starts again from the re-drive. */
  const redrive = (staffId: string) => {
    const now = clock()
    return {
      where: { status: 'FAILED' as const },
      data: { status: 'PENDING' as const, nextAttemptAt: now, lockedUntil: null, redriveCount: { increment: 1 }, redrivenAt: now, redrivenById: staffId },
    }
  }

  app.post(
    '/outbox/emails/:id/redrive',
    { preHandler: admin, schema: { tags: ['staff'], security, params: staffOutboxParams, response: { 200: staffOutboxItem, ...errors } } },
    async (request) => {
      const { where, data } = redrive(staffOf(request).id)
      const changed = await app.prisma.outboxEmail.updateMany({ where: { ...where, id: request.params.id }, data })
      const row = await app.prisma.outboxEmail.findUnique({ where: { id: request.params.id }, select: emailColumns })
      if (!row) throw notFound(NOT_FOUND)
      if (changed.count === 0) throw conflict(NOT_FAILED)
      request.log.info({ outboxId: row.id }, 'email re-driven')
      return emailView(row)
    },
  )

  app.post(
    '/outbox/webhooks/:id/redrive',
    { preHandler: admin, schema: { tags: ['staff'], security, params: staffOutboxParams, response: { 200: staffOutboxItem, ...errors } } },
    async (request) => {
      const { where, data } = redrive(staffOf(request).id)
      const changed = await app.prisma.outboxWebhook.updateMany({ where: { ...where, id: request.params.id }, data })
      const row = await app.prisma.outboxWebhook.findUnique({ where: { id: request.params.id }, select: webhookColumns })
      if (!row) throw notFound(NOT_FOUND)
      if (changed.count === 0) throw conflict(NOT_FAILED)
      request.log.info({ webhookId: row.id }, 'status webhook re-driven')
      return webhookView(row)
    },
  )
}
