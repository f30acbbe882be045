import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { recordNoteBody } from '@kakunin/schema/staff'
import { z } from '@kakunin/schema/zod'
import { conflict, notFound } from '#src/http/api-error.ts'
import { decidingPerson, requireRole, staffOf } from '#src/staff/staff-auth.ts'
import { recordEvent } from '#src/state/event-log.ts'

const idParams = z.strictObject({ id: z.uuid('お申し込みが見つかりません') })
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse }

/** 付記 to the frozen 確認記録: appended by a named person, with an event; the record itself never changes. */
export const recordNoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/applications/:id/record/notes',
    {
      preHandler: requireRole('REVIEWER'),
      schema: {
        tags: ['staff'],
        security: [{ staffKey: [] }],
        params: idParams,
        body: recordNoteBody,
        response: { 201: z.object({ id: z.uuid(), at: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request)
      const person = decidingPerson(staff)
      const now = app.deps.clock()
      const application = await app.prisma.application.findUnique({ where: { id: request.params.id }, select: { id: true } })
      if (!application) throw notFound('お申し込みが見つかりません')
      const record = await app.prisma.verificationRecord.findFirst({ where: { applicationId: application.id }, orderBy: { createdAt: 'desc' } })
      if (!record) throw conflict('確認記録は承認の時に作成されます。承認前のお申し込みには付記できません。')
      const note = await app.prisma.$transaction(async (tx) => {
        const created = await tx.verificationRecordNote.create({
          data: { recordId: record.id, text: request.body.text, staffKeyId: staff.id, personName: person.name, department: person.department, createdAt: now },
        })
        await recordEvent(tx, application.id, { type: 'RECORD_NOTE_ADDED', actorType: 'STAFF', actorId: staff.id, data: { recordId: record.id, noteId: created.id, keyName: staff.name, role: staff.role, person } }, now)
        return created
      })
      return reply.status(201).send({ id: note.id, at: note.createdAt.toISOString() })
    },
  )
}
