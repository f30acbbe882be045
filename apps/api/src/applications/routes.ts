import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { applicantApplication, saveStepBody, submitBody } from '@kakunin/schema/application'
import { createApplicationBody } from '@kakunin/schema/application-flow'
import { errorResponse } from '@kakunin/schema/errors'
import { STEP_SCHEMAS } from '@kakunin/schema/form/application-form'
import { STEP_IDS } from '@kakunin/schema/form/steps'
import { STEP_DRAFT_SCHEMAS } from '@kakunin/schema/form/step-drafts'
import { z } from '@kakunin/schema/zod'
import { applicantWriteSession, requireOwnApplication } from '#src/applicant-session/applicant-session.ts'
import { byAddress, limitRequests } from '#src/http/rate-limit/limit-requests.ts'
import { createApplication, findApplicantApplication } from './application-service.ts'
import { saveStep, saveStepDraft } from './save-step.ts'
import { submitApplication } from './submit-application.ts'

// Any id is accepted here: requireOwnApplication answers 404 for all but the session's own.
const idParams = z.strictObject({ id: z.string() })
const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse }

/** The applicant's own application, reachable only through this browser's session cookie. */
export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/applications',
    // Per client address: applications cannot be deleted, so a script must not open hundreds.
    {
      schema: { body: createApplicationBody, response: { 201: applicantApplication, 400: errorResponse, 429: errorResponse } },
      preHandler: limitRequests(app, (limits) => limits.createApplication, byAddress),
    },
    async (request, reply) => {
      const { application, session } = await createApplication(app.deps, request.body)
      reply.setApplicantSession(session)
      return reply.status(201).send(application)
    },
  )

  // No application in this browser is an answer, not an error (204): the entry page asks on every
  // first visit, and a 4xx there would read as a failure in the browser's console.
  app.get(
    '/applications/current',
    { schema: { response: { 200: applicantApplication, 204: z.null() } } },
    async (request, reply) => {
      const id = await request.applicantApplicationId()
      if (!id) return reply.status(204).send(null)
      return findApplicantApplication(app.deps, id)
    },
  )

  app.get(
    '/applications/:id',
    { schema: { params: idParams, response: { 200: applicantApplication, 404: errorResponse } }, preHandler: requireOwnApplication },
    async (request) => findApplicantApplication(app.deps, request.params.id),
  )

  // One route per step, each validating its body with that step's schema. The writes check the
  // session inside their single SQL statement (see application-sql.ts).
  for (const step of STEP_IDS) {
    app.put(
      `/applications/:id/steps/${step}`,
      {
        schema: { params: idParams, body: saveStepBody(STEP_SCHEMAS[step]), response: { 200: applicantApplication, ...errors } },
      },
      async (request) => saveStep(app.deps, applicantWriteSession(request, request.params.id), step, request.body),
    )
    // 下書き保存 of a step not all right yet: each field checked on its own, the wrong ones a 400.
    app.put(
      `/applications/:id/steps/${step}/draft`,
      {
        schema: { params: idParams, body: saveStepBody(STEP_DRAFT_SCHEMAS[step]), response: { 200: applicantApplication, ...errors } },
      },
      async (request) => saveStepDraft(app.deps, applicantWriteSession(request, request.params.id), step, request.body),
    )
  }

  // Limited per application (limits.submit), counted by submit's own read (application-sql.ts).
  app.post(
    '/applications/:id/submit',
    {
      schema: { params: idParams, body: submitBody, response: { 200: applicantApplication, ...errors, 429: errorResponse } },
    },
    async (request) => submitApplication(app.deps, applicantWriteSession(request, request.params.id), request.body),
  )
}
