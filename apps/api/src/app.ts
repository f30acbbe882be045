import fs from 'node:fs'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import type { AppDeps } from './deps.ts'
import cors from '@fastify/cors'
import compress from '@fastify/compress'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from './config/config.ts'
import { prismaPlugin } from './db/prisma-plugin.ts'
import { errorHandler, sendNotFound } from './http/error-handler.ts'
import { secretFreeLogger } from './http/log-serializers.ts'
import { clientErrorHandler, frameworkErrors } from './http/framework-errors.ts'
import { requestGuards } from './http/request-guards.ts'
import { healthRoutes } from './health/routes.ts'
import { publicConfigRoutes } from './http/public-config.ts'
import { applicationRoutes } from './applications/routes.ts'
import { spa } from './web/spa.ts'
import { applicantSession } from './applicant-session/applicant-session.ts'
import { logoutRoutes } from './applicant-session/logout-routes.ts'
import { verificationRoutes } from './verification/routes.ts'
import { webhookRoutes } from './verification/webhook-routes.ts'
import { createProviderRegistry } from './verification/provider-registry.ts'
import { sandboxEkycRoutes } from './verification/sandbox/sandbox-routes.ts'
import { sandboxReviewPlugin } from './verification/sandbox/sandbox-review-worker.ts'
import { WebhookAnswered, type WebhookDelivery } from './verification/sandbox/sandbox-provider.ts'
import { SIGNATURE_HEADER } from './http/webhook-signature.ts'
import { mailPlugin } from './email/mail-plugin.ts'
import { statusWebhookPlugin } from './webhooks/status-webhook-plugin.ts'
import { mailboxEnabled, mailboxRoutes } from './email/mailbox-routes.ts'
import { resumeRoutes } from './resume/routes.ts'
import { staffRoutes } from './staff/routes.ts'
import { inquiryRoutes } from './inquiries/routes.ts'
import { openApi } from './http/openapi.ts'
import { securityHeaders } from './http/security-headers.ts'
import { ownerConfirmationRoutes } from './owner-confirmation/routes.ts'
import { ownerConfirmationExpiry } from './owner-confirmation/expiry-worker.ts'
import { reviewDocumentRoutes } from './review-documents/routes.ts'
import { agentEvidenceRoutes } from './agent-evidence/agent-evidence-routes.ts'
import { rateLimitsFrom } from './http/rate-limit/rate-limits.ts'
import { rateLimiting } from './http/rate-limit/rate-limiting-plugin.ts'
import { requestId, requestIdHeader } from './http/request-id.ts'
import { metricsPlugin } from './observability/metrics-plugin.ts'

export interface AppOptions {
  config: Config
  databaseUrl: string
  logger?: FastifyServerOptions['logger']
  /** The time as the app sees it; tests move it (session expiry, the 2027-04-01 method cut-over). */
  clock?: () => Date
  /** Run the outbox worker (default). Tests turn it off and flush the outbox themselves. */
  outboxWorker?: boolean
}

/** Builds the whole HTTP application without listening: the server and the tests both use it. */
export async function buildApp({ config, databaseUrl, logger, clock = () => new Date(), outboxWorker = true }: AppOptions) {
  const app = Fastify({
    // Tokens, query values, headers and quoted database values never reach the log, whoever sets it up.
    logger: secretFreeLogger(logger, config.LOG_LEVEL),
    // The client's address (rate limits) comes from X-Forwarded-For only through trusted proxies.
    trustProxy: typeof config.TRUST_PROXY === 'number' ? trustHops(config.TRUST_PROXY) : config.TRUST_PROXY,
    // Request bodies are forms, not uploads; 1 MiB is far above any valid application.
    bodyLimit: 1024 * 1024,
    // Errors raised before routing, and requests Node cannot parse, in the one error shape too.
    frameworkErrors: frameworkErrors(config.NODE_ENV === 'production'),
    clientErrorHandler: clientErrorHandler(config.NODE_ENV === 'production'),
    // The caller's X-Request-Id when it is a safe token, else a UUID: in every log line and response.
    genReqId: requestId,
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  await app.register(requestIdHeader)
  await app.register(errorHandler)
  await app.register(prismaPlugin, { databaseUrl, statusWebhooks: Boolean(config.STATUS_WEBHOOK_URL) })
  await app.register(applicantSession, { secureCookie: config.NODE_ENV === 'production', clock, idleMinutes: config.SESSION_IDLE_MINUTES })
  await app.register(mailPlugin, { config, runWorker: outboxWorker, clock })
  await app.register(statusWebhookPlugin, { config, runWorker: outboxWorker, clock })
  const providers = createProviderRegistry(config, { prisma: app.prisma })
  // One dependency object for every service: the database, mail, providers, settings and the clock.
  await app.register(
    fp(async (root) => {
      root.decorate('deps', {
        prisma: root.prisma,
        pool: root.pg,
        mail: { ...root.mail, resumeHours: config.RESUME_LINK_HOURS },
        providers,
        clock,
        settings: {
          resumeHours: config.RESUME_LINK_HOURS,
          confirmationHours: config.OWNER_CONFIRMATION_HOURS,
          verificationSessionMinutes: config.VERIFICATION_SESSION_MINUTES,
          sessionMaxHours: config.SESSION_MAX_HOURS,
          publicBaseUrl: config.LINK_BASE_URL,
          rateLimits: rateLimitsFrom(config),
        },
      } satisfies AppDeps)
    }, { name: 'deps', dependencies: ['prisma', 'mail'] }),
  )
  // Limits counted in PostgreSQL; a 429 anywhere carries Retry-After. Before any route.
  await app.register(rateLimiting, { sweep: outboxWorker })
  // Background work shares one poll interval: the outboxes, and owners' confirmations that expired.
  if (outboxWorker) await app.register(ownerConfirmationExpiry, { intervalMs: config.OUTBOX_POLL_MS })
  await app.register(securityHeaders, { production: config.NODE_ENV === 'production' })
  // After the security headers, so that what it refuses carries them too.
  await app.register(requestGuards, { allowedOrigins: config.CORS_ORIGINS, publicBaseUrl: config.PUBLIC_BASE_URL })
  // gzip/brotli for the SPA's assets and the API's JSON: the first screen's 99 kB are 258 kB raw.
  await app.register(compress, { threshold: 1024 })
  if (config.DOCS_ENABLED) await app.register(openApi)
  await app.register(cors, { origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false, credentials: true })
  // Before the routes, so that its hook times each of them.
  if (config.METRICS) await app.register(metricsPlugin, { pool: app.pg, token: config.METRICS_TOKEN, clock })

  const sandbox = providers.sandbox
  const deliverSandbox: WebhookDelivery = (body, signature) => deliverToSelf(app, '/api/webhooks/ekyc/sandbox', body, signature)
  // Pending sandbox verdicts are rows any instance's worker delivers, like the outboxes.
  if (sandbox) await app.register(sandboxReviewPlugin, { provider: sandbox, deliver: deliverSandbox, runWorker: outboxWorker, pollMs: config.OUTBOX_POLL_MS })

  await app.register(
    async (api) => {
      api.setNotFoundHandler(sendNotFound)
      await api.register(healthRoutes)
      await api.register(publicConfigRoutes, { config })
      await api.register(applicationRoutes)
      await api.register(ownerConfirmationRoutes)
      await api.register(reviewDocumentRoutes)
      await api.register(agentEvidenceRoutes)
      await api.register(verificationRoutes)
      await api.register(webhookRoutes)
      await api.register(resumeRoutes)
      await api.register(logoutRoutes)
      if (mailboxEnabled(config)) await api.register(mailboxRoutes)
      await api.register(inquiryRoutes)
      await api.register(staffRoutes, { prefix: '/staff' })
      if (sandbox && app.sandboxReviews) {
        await api.register(sandboxEkycRoutes, {
          prefix: '/sandbox-ekyc',
          provider: sandbox,
          deliver: deliverSandbox,
          reviewDelayMs: config.SANDBOX_EKYC_REVIEW_DELAY_MS,
          reviews: app.sandboxReviews,
          clock,
        })
      }
    },
    { prefix: '/api' },
  )

  if (fs.existsSync(config.WEB_DIST_DIR)) {
    await app.register(spa, { distDir: config.WEB_DIST_DIR, production: config.NODE_ENV === 'production' })
  } else {
    app.setNotFoundHandler(sendNotFound)
  }
  return app
}

/**
 * The sandbox provider reaches our webhook the way a vendor would: over HTTP to the listening
 * server. Before the server listens (tests through inject), the request goes through inject,
 * which runs the same routing, parsing and signature check.
 */
async function deliverToSelf(app: FastifyInstance, path: string, body: string, signature: string) {
  const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }
  const address = app.server.address()
  if (app.server.listening && address && typeof address === 'object') {
    const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address
    const url = `http://${address.family === 'IPv6' && host !== '127.0.0.1' ? `[${host}]` : host}:${address.port}${path}`
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) })
    if (!response.ok) throw new WebhookAnswered(response.status)
    return
  }
  const response = await app.inject({ method: 'POST', url: path, headers, payload: body })
  if (response.statusCode >= 300) throw new WebhookAnswered(response.statusCode)
}

/** A hop count as Fastify applies it (its types omit the number form): the nearest n proxies. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops

export type App = Awaited<ReturnType<typeof buildApp>>
