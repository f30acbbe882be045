import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { japanDate } from '@kakunin/schema/japan-time'
import { externalVerificationBody, suspicionBody } from '@kakunin/schema/staff'
import { isMethodAvailable } from '@kakunin/schema/verification-method'
import { z } from '@kakunin/schema/zod'
import { conflict, notFound, validationFailed } from '#src/http/api-error.ts'
import { agentOf } from '#src/state/approval-evidence.ts'
import { recordEvent } from '#src/state/event-log.ts'
import { decidingPerson, requireRole, staffOf } from './staff-auth.ts'

const idParams = z.strictObject({ id: z.uuid('お申し込みが見つかりません') })
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse }
const security = [{ staffKey: [] }]

/** Statuses after submission and before a decision: where evidence can still be added. */
const OPEN: readonly string[] = ['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'ENHANCED_REVIEW']

/** What staff add to an application's evidence: a verification done elsewhere, a suspicion, and the enhanced-review documents. */
export const staffEvidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { clock } = app.deps
  const reviewer = requireRole('REVIEWER')

  app.post(
    '/applications/:id/external-verifications',
    { preHandler: reviewer, schema: { tags: ['staff'], security, params: idParams, body: externalVerificationBody, response: { 201: z.object({ verificationId: z.uuid() }), ...errors } } },
    async (request, reply) => {
      const now = clock()
      const staff = staffOf(request)
      const person = decidingPerson(staff)
      const body = request.body
      const application = await app.prisma.application.findUnique({ where: { id: request.params.id } })
      if (!application) throw notFound('お申し込みが見つかりません')
      if (application.flow !== 'FIRST_TIME' || !OPEN.includes(application.status)) {
        throw conflict('本人確認を記録できるのは、送信済みで審査が終わっていない初回のお申し込みだけです。')
      }
      // The day it was done, in Japan: a real date, not before this submission (so it verified the
      // customer as now declared) and not in the future; by a method lawful on that day.
      const verifiedAt = new Date(`${body.verifiedOn}T00:00:00+09:00`)
      const submittedKey = application.submittedAt ? japanDate(application.submittedAt) : null
      if (japanDate(verifiedAt) !== body.verifiedOn || !submittedKey || body.verifiedOn < submittedKey || body.verifiedOn > japanDate(now)) {
        throw validationFailed({ verifiedOn: 'お申し込みの送信日から今日までの、実在する日付を指定してください' })
      }
      const subject = body.subject ?? 'CUSTOMER'
      if (subject === 'AGENT' && !agentOf(application)) throw conflict('このお申し込みには代理人がいません。')
      if (!isMethodAvailable(body.method, verifiedAt)) {
        throw validationFailed({ method: 'この確認方法は、その日には法令で認められていません' })
      }
      const verification = await app.prisma.$transaction(async (tx) => {
        const created = await tx.verification.create({
          data: {
            applicationId: application.id,
            subject,
            provider: 'external',
            providerReference: randomUUID(),
            method: body.method,
            status: 'APPROVED',
            url: '',
            expiresAt: now,
            createdAt: now,
            startedAt: verifiedAt,
            submittedAt: verifiedAt,
            decidedAt: now,
            result: {
              verdict: 'APPROVED',
              reasons: [],
              mismatches: [],
              external: {
                documentName: body.documentName,
                documentNumber: body.documentNumber,
                verifiedOn: body.verifiedOn,
                verifiedBy: body.verifiedBy,
                recordedBy: `${person.name}（${person.department}）`,
                staffKeyId: staff.id,
              },
            },
          },
        })
        await recordEvent(
          tx,
          application.id,
          {
            type: 'EXTERNAL_VERIFICATION_RECORDED',
            actorType: 'STAFF',
            actorId: staff.id,
            data: { verificationId: created.id, subject, method: body.method, documentName: body.documentName, verifiedOn: body.verifiedOn, verifiedBy: body.verifiedBy, keyName: staff.name, role: staff.role, person },
          },
          now,
        )
        return created
      })
      return reply.status(201).send({ verificationId: verification.id })
    },
  )

  app.post(
    '/applications/:id/suspicion',
    { preHandler: reviewer, schema: { tags: ['staff'], security, params: idParams, body: suspicionBody, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const staff = staffOf(request)
      // Flagging sends the application to enhanced review: a judgement, made by a named person.
      const person = decidingPerson(staff)
      const application = await app.prisma.application.findUnique({ where: { id: request.params.id }, select: { status: true } })
      if (!application) throw notFound('お申し込みが見つかりません')
      if (application.status === 'APPROVED') throw conflict('承認済みのお申し込みには記録できません。')
      await recordEvent(app.prisma, request.params.id, { type: 'SUSPICION_FLAGGED', actorType: 'STAFF', actorId: staff.id, data: { reason: request.body.reason, keyName: staff.name, role: staff.role, person } }, clock())
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/applications/:id/review-documents/:documentId',
    {
      preHandler: reviewer,
      schema: { tags: ['staff'], security, params: z.strictObject({ id: z.uuid(), documentId: z.uuid('書類が見つかりません') }), response: errors },
    },
    async (request, reply) => {
      const staff = staffOf(request)
      const document = await app.prisma.reviewDocument.findUnique({ where: { id: request.params.documentId } })
      if (!document || document.applicationId !== request.params.id) throw notFound('書類が見つかりません')
      await recordEvent(app.prisma, document.applicationId, { type: 'PII_VIEWED', actorType: 'STAFF', actorId: staff.id, data: { keyName: staff.name, role: staff.role, documentId: document.id } }, clock())
      // Never rendered in the staff's browser: a PDF or an image is saved, not opened in the API's origin.
      return reply.type(document.type).header('cache-control', 'no-store').header('content-disposition', 'attachment').send(Buffer.from(document.content) as never)
    },
  )
}
