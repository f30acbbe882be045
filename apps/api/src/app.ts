import fs from 'node:fs'
import Fastify, { type FastifyServerOptions } from 'fastify'
import cors from '@fastify/cors'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from './config/config.ts'
import { prismaPlugin } from './db/prisma-plugin.ts'
import { errorHandler, sendNotFound } from './http/error-handler.ts'
import { healthRoutes } from './health/routes.ts'
import { applicationRoutes } from './applications/routes.ts'
import { spa } from './web/spa.ts'
import { applicantSession } from './applicant-session/applicant-session.ts'

export interface AppOptions {
  config: Pick<Config, 'CORS_ORIGINS' | 'WEB_DIST_DIR' | 'LOG_LEVEL' | 'NODE_ENV'>
  databaseUrl: string
  logger?: FastifyServerOptions['logger']
}

/** Builds the whole HTTP application without listening: the server and the tests both use it. */
export async function buildApp({ config, databaseUrl, logger }: AppOptions) {
  const app = Fastify({
    logger: logger ?? { level: config.LOG_LEVEL },
    // Request bodies are forms, not uploads; 1 MiB is far above any valid application.
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  await app.register(errorHandler)
  await app.register(prismaPlugin, { databaseUrl })
  await app.register(applicantSession, { secureCookie: config.NODE_ENV === 'production' })
  await app.register(cors, { origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false, credentials: true })

  await app.register(
    async (api) => {
      api.setNotFoundHandler(sendNotFound)
      await api.register(healthRoutes)
      await api.register(applicationRoutes)
    },
    { prefix: '/api' },
  )

  if (fs.existsSync(config.WEB_DIST_DIR)) {
    await app.register(spa, { distDir: config.WEB_DIST_DIR })
  } else {
    app.setNotFoundHandler(sendNotFound)
  }
  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
