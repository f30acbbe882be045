import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { applicationSummary, createApplicationBody } from '@kakunin/schema/application'
import { errorResponse } from '@kakunin/schema/errors'
import { createApplication } from './application-service.ts'

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/applications',
    { schema: { body: createApplicationBody, response: { 201: applicationSummary, 400: errorResponse } } },
    async (request, reply) => {
      const application = await createApplication(app.prisma, request.body)
      return reply.status(201).send(application)
    },
  )
}
