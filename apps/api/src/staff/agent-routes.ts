import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { agentGroundDecision } from '@kakunin/schema/agent-ground'
import { errorResponse } from '@kakunin/schema/errors'
import { z } from '@kakunin/schema/zod'
import { notFound } from '#src/http/api-error.ts'
import { recordEvent } from '#src/state/event-log.ts'
import { decidingPerson, requireRole, staffOf } from '#src/staff/staff-auth.ts'
import { decideAgentGround } from '#src/state/agent-ground.ts'

const idParams = z.strictObject({ id: z.uuid('お申し込みが見つかりません') })
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse }
const security = [{ staffKey: [] }]

/** Staff's side of the 代理人: read the evidence the applicant uploaded, and record the ground. */
export const agentStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const reviewer = requireRole('REVIEWER')

  app.post(
    '/applications/:id/agent-ground',
    { preHandler: reviewer, schema: { tags: ['staff'], security, params: idParams, body: agentGroundDecision, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const staff = staffOf(request)
      const person = decidingPerson(staff, '代理人の確認の記録')
      await decideAgentGround(app.deps, request.params.id, request.body, staff, person)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/applications/:id/agent-evidence/:documentId',
    { preHandler: reviewer, schema: { tags: ['staff'], security, params: z.strictObject({ id: z.uuid(), documentId: z.uuid('書類が見つかりません') }), response: errors } },
    async (request, reply) => {
      const staff = staffOf(request)
      const document = await app.prisma.agentEvidenceDocument.findUnique({ where: { id: request.params.documentId } })
      if (!document || document.applicationId !== request.params.id) throw notFound('書類が見つかりません')
      await recordEvent(app.prisma, document.applicationId, { type: 'PII_VIEWED', actorType: 'STAFF', actorId: staff.id, data: { keyName: staff.name, role: staff.role, documentId: document.id } }, app.deps.clock())
      // Never rendered in the staff's browser: a PDF or an image is saved, not opened in the API's origin.
      return reply.type(document.type).header('cache-control', 'no-store').header('content-disposition', 'attachment').send(Buffer.from(document.content) as never)
    },
  )
}
