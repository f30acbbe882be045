import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import multipart from '@fastify/multipart'
import { AGENT_EVIDENCE_KINDS, AGENT_EVIDENCE_LABELS } from '@kakunin/schema/agent-ground'
import { errorResponse } from '@kakunin/schema/errors'
import { UPLOAD_MAX_BYTES } from '@kakunin/schema/sandbox-ekyc'
import { z } from '@kakunin/schema/zod'
import { requireOwnApplication } from '#src/applicant-session/applicant-session.ts'
import { readUploadedFile } from '#src/http/uploaded-file.ts'
import { uploadAgentEvidence } from './agent-evidence.ts'

const params = z.strictObject({ id: z.string(), kind: z.enum(AGENT_EVIDENCE_KINDS, '書類の種類が正しくありません') })

/** The applicant's evidence of why the 代理人 acts: one file per request, multipart/form-data (field `file`). */
export const agentEvidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 0 } })
  app.post(
    '/applications/:id/agent-evidence/:kind',
    {
      schema: { consumes: ['multipart/form-data'], params, response: { 204: z.null(), 400: errorResponse, 404: errorResponse, 409: errorResponse, 413: errorResponse } },
      preHandler: requireOwnApplication,
    },
    async (request, reply) => {
      // requireOwnApplication types the params as its own { id }; the schema has checked both.
      const { id, kind } = request.params as z.infer<typeof params>
      const bytes = await readUploadedFile(request, AGENT_EVIDENCE_LABELS[kind], 'ファイル')
      await uploadAgentEvidence(app.deps, id, kind, bytes)
      return reply.status(204).send(null)
    },
  )
}
