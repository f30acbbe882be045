import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { healthResponse } from '@kakunin/schema/health'
import { ApiError } from '#src/http/api-error.ts'

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { schema: { response: { 200: healthResponse, 503: errorResponse } } },
    async (request) => {
      try {
        await app.prisma.$queryRaw`SELECT 1`
      } catch (error) {
        request.log.error({ err: error }, 'database health check failed')
        throw new ApiError(503, 'SERVICE_UNAVAILABLE', 'データベースに接続できません')
      }
      return { status: 'ok' as const, database: 'ok' as const }
    },
  )
}
