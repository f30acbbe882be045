import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { accountSid as accountSidSchema } from '@kakunin/schema/account-sid'
import { errorResponse } from '@kakunin/schema/errors'
import {
  accountSidVerification,
  createdStaffKey,
  createStaffKeyBody,
  staffApplicationDetail,
  staffApplicationList,
  staffApplicationQuery,
  staffDecisionBody,
  staffKeyView,
} from '@kakunin/schema/staff'
import { APPLICATION_STATUSES } from '@kakunin/schema/application'
import { z } from '@kakunin/schema/zod'
import { ApiError, notFound } from '#src/http/api-error.ts'
import { decideApplication } from './decide-application.ts'
import { listApplications } from './list-applications.ts'
import { readApplication } from './read-application.ts'
import { authenticateStaff, requireRole, staffOf } from './staff-auth.ts'
import { createStaffKey, toKeyView } from './staff-keys.ts'
import { staffInquiryRoutes } from './inquiry-routes.ts'
import { staffEvidenceRoutes } from './evidence-routes.ts'
import { agentStaffRoutes } from './agent-routes.ts'
import { recordRoutes } from '#src/record/record-routes.ts'
import { staffOutboxRoutes } from './outbox-routes.ts'
import { verifiedRootOf } from '#src/state/approval-evidence.ts'

const idParams = z.strictObject({ id: z.uuid('お申し込みが見つかりません') })
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse }
const security = [{ staffKey: [] }]

/** /api/staff: support staff find, read and decide applications. Every route needs an API key. */
export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { clock } = app.deps
  authenticateStaff(app)
  await app.register(staffInquiryRoutes)
  await app.register(staffEvidenceRoutes)
  await app.register(agentStaffRoutes)
  await app.register(recordRoutes)
  await app.register(staffOutboxRoutes)
  const viewer = requireRole('VIEWER')
  const reviewer = requireRole('REVIEWER')
  const admin = requireRole('ADMIN')

  app.get(
    '/applications',
    {
      preHandler: viewer,
      schema: { tags: ['staff'], security, querystring: staffApplicationQuery, response: { 200: staffApplicationList, ...errors } },
    },
    async (request) => listApplications(app.deps, request.query),
  )

  app.get(
    '/applications/:id',
    { preHandler: viewer, schema: { tags: ['staff'], security, params: idParams, response: { 200: staffApplicationDetail, ...errors } } },
    async (request) => readApplication(app.deps, request.params.id, staffOf(request)),
  )

  app.post(
    '/applications/:id/decision',
    {
      preHandler: reviewer,
      schema: {
        tags: ['staff'],
        security,
        params: idParams,
        body: staffDecisionBody,
        response: { 200: z.object({ status: z.enum(APPLICATION_STATUSES) }), ...errors },
      },
    },
    async (request) => decideApplication(app.deps, request.params.id, staffOf(request), request.body),
  )

  app.get(
    '/account-sids/:accountSid',
    {
      preHandler: viewer,
      schema: {
        tags: ['staff'],
        security,
        params: z.strictObject({ accountSid: accountSidSchema }),
        response: { 200: accountSidVerification, ...errors },
      },
    },
    async (request) => {
      const { accountSid } = request.params
      // Verified only on what the record proves: an approval resting on a lawful verification of
      // record, directly or through owners' confirmations (an approval without one verifies nothing).
      const chain = await verifiedRootOf(app.prisma, accountSid)
      const approvedAt = chain
        ? await app.prisma.applicationEvent.findFirst({ where: { applicationId: chain.reliedOn.id, toStatus: 'APPROVED' }, orderBy: { id: 'asc' }, select: { createdAt: true } })
        : null
      return {
        accountSid,
        verified: Boolean(chain),
        since: approvedAt?.createdAt.toISOString() ?? null,
        reference: chain?.reliedOn.reference ?? null,
        applicationId: chain?.reliedOn.id ?? null,
        flow: chain?.reliedOn.flow ?? null,
      }
    },
  )

  app.get(
    '/keys',
    { preHandler: admin, schema: { tags: ['staff'], security, response: { 200: z.object({ keys: z.array(staffKeyView) }), ...errors } } },
    async () => ({ keys: (await app.prisma.staffKey.findMany({ orderBy: { createdAt: 'asc' } })).map(toKeyView) }),
  )

  app.post(
    '/keys',
    { preHandler: admin, schema: { tags: ['staff'], security, body: createStaffKeyBody, response: { 201: createdStaffKey, ...errors } } },
    async (request, reply) => {
      // The 統括管理者's key is made with the command line by whoever runs the service, not by an
      // admin key: otherwise an admin could approve high-risk applications through a key it made.
      if (request.body.role === 'COMPLIANCE') throw new ApiError(403, 'FORBIDDEN', '統括管理者（compliance）のAPIキーは、コマンドライン（pnpm staff:key create）で作成してください')
      const { key, record } = await createStaffKey(app.prisma, { ...request.body, createdById: staffOf(request).id })
      return reply.status(201).send({ ...toKeyView(record), key })
    },
  )

  app.post(
    '/keys/:id/revoke',
    { preHandler: admin, schema: { tags: ['staff'], security, params: idParams, response: { 200: staffKeyView, ...errors } } },
    async (request) => {
      const revoked = await app.prisma.staffKey.updateMany({ where: { id: request.params.id, revokedAt: null }, data: { revokedAt: clock() } })
      const key = await app.prisma.staffKey.findUnique({ where: { id: request.params.id } })
      if (!key || (revoked.count === 0 && !key.revokedAt)) throw notFound('APIキーが見つかりません')
      return toKeyView(key)
    },
  )
}
