import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { recordExportQuery, recordNoteBody } from '@kakunin/schema/staff'
import { frozenRecordLine, verificationRecordExport } from '@kakunin/schema/verification-record'
import { z } from '@kakunin/schema/zod'
import { conflict, notFound } from '#src/http/api-error.ts'
import { readApplication } from '#src/staff/read-application.ts'
import { decidingPerson, requireRole, staffOf } from '#src/staff/staff-auth.ts'
import { recordEvent } from '#src/state/event-log.ts'
import { exportedRecord } from './export-record.ts'
import { periodExport } from './period-export.ts'
import { verificationRecordCsv } from './record-csv.ts'

const idParams = z.strictObject({ id: z.uuid('お申し込みが見つかりません') })
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse }

// 項目（日本語）と内容の CSV。UTF-8（BOM付き）、数式として解釈される先頭文字は無害化
const csvText = z.string()

/**
 * The 確認記録 of one application (JSON or CSV); 付記 to the frozen record, appended by a named
 * person with an event (the record itself never changes); and the audit export of a period.
 */
export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/applications/:id/record',
    {
      preHandler: requireRole('VIEWER'),
      schema: {
        tags: ['staff'],
        summary: 'The 確認記録 (施行規則20条1項の記録事項): once approved, as frozen then, with its digest and 付記',
        security: [{ staffKey: [] }],
        params: idParams,
        querystring: z.strictObject({ format: z._default(z.enum(['json', 'csv']), 'json') }),
        produces: ['application/json', 'text/csv'],
        response: {
          200: {
            description: 'The record as JSON (format=json) or as CSV with Japanese item names (format=csv)',
            content: { 'application/json': { schema: verificationRecordExport }, 'text/csv': { schema: csvText } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const read = await readApplication(app.deps, request.params.id, staffOf(request), 'EXPORTED')
      const record = await exportedRecord(app.prisma, read)
      if (request.query.format === 'json') return reply.type('application/json; charset=utf-8').send(record)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${record.reference}.csv"`)
        .send(verificationRecordCsv(record) as never)
    },
  )

  app.get(
    '/records',
    {
      preHandler: requireRole('COMPLIANCE'),
      schema: {
        tags: ['staff'],
        summary: 'Every 確認記録 frozen in a period (Japan dates, at most one year), streamed as JSON Lines or CSV',
        security: [{ staffKey: [] }],
        querystring: recordExportQuery,
        produces: ['application/x-ndjson', 'text/csv'],
        response: {
          200: {
            description: 'JSON Lines (format=jsonl): one frozen record per line, as this schema; or CSV (format=csv): one record per row, Japanese column names',
            content: { 'application/x-ndjson': { schema: frozenRecordLine }, 'text/csv': { schema: csvText } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request)
      const person = decidingPerson(staff, '確認記録の書き出し')
      const query = request.query
      const csv = query.format === 'csv'
      return reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="kakunin-records-${query.decidedFrom}-${query.decidedTo}.${csv ? 'csv' : 'jsonl'}"`)
        .send(periodExport(app.deps, query, { staffKeyId: staff.id, person }) as never)
    },
  )

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
