import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { healthResponse, liveResponse, readyResponse } from '@kakunin/schema/health'
import { ApiError } from '#src/http/api-error.ts'
import { migrationNames } from '#src/db/migrations/migration-files.ts'
import { notReadyMessage, readinessCheck } from './readiness.ts'

// Probes carry no credential and answer nothing personal; their ids, summaries, tag and (absent)
// security are in the operations table (http/openapi-operations.ts).

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // The migrations this release ships, read once: readiness compares the database with them.
  const expected = migrationNames()
  const ready = readinessCheck(app.pg, expected)
  let wasReady = true

  app.get(
    '/health',
    {
      schema: {
        response: { 200: healthResponse, 503: errorResponse },
      },
    },
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

  app.get(
    '/health/live',
    { schema: { response: { 200: liveResponse } } },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/health/ready',
    {
      schema: {
        response: { 200: readyResponse, 503: errorResponse },
      },
    },
    async (request) => {
      const readiness = await ready()
      if (readiness.ready !== wasReady) {
        // Logged when it changes, not at every probe of a load balancer.
        if (readiness.ready) request.log.info('ready again')
        else request.log.warn({ reason: readiness.reason, pending: readiness.pending }, 'not ready')
        wasReady = readiness.ready
      }
      if (!readiness.ready) throw new ApiError(503, 'SERVICE_UNAVAILABLE', notReadyMessage(readiness))
      return { status: 'ok' as const, database: 'ok' as const, migrations: 'ok' as const }
    },
  )
}
