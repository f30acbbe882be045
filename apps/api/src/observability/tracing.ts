import diagnostics from 'node:diagnostics_channel'
import { register } from 'node:module'
import { context, type Span } from '@opentelemetry/api'
import { getRPCMetadata, RPCType } from '@opentelemetry/core'
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http'
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg'
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici'
import { NodeSDK } from '@opentelemetry/sdk-node'
import { maskUrl } from '#src/http/log-serializers.ts'

// Loaded only when tracingRequested() says so, and before any module of the app: the
// instrumentations patch http, pg and fetch (undici) as those are loaded.

/** The route template Fastify matched, for the server span's name and http.route (never the raw path). */
function nameSpansByRoute() {
  diagnostics.tracingChannel('fastify.request.handler').start.subscribe((message) => {
    const route = (message as { route?: { url?: string } }).route?.url
    const metadata = getRPCMetadata(context.active())
    if (route && metadata?.type === RPCType.HTTP) metadata.route = route
  })
}

/** The same masking as the request log: no token, email or query value leaves in a span. */
function maskSpanUrl(span: Span, url: string | undefined) {
  if (!url) return
  const masked = maskUrl(url)
  const queryAt = masked.indexOf('?')
  span.setAttribute('url.path', queryAt === -1 ? masked : masked.slice(0, queryAt))
  span.setAttribute('url.query', queryAt === -1 ? '' : masked.slice(queryAt + 1))
  const attributes = (span as Partial<{ attributes: Record<string, unknown> }>).attributes ?? {}
  if ('http.target' in attributes) span.setAttribute('http.target', masked)
  if ('http.url' in attributes) span.setAttribute('http.url', masked)
}

/**
 * Starts the OpenTelemetry Node SDK: traces of incoming HTTP requests (named by route), their
 * PostgreSQL queries (statements only, never their values) and outgoing fetches, exported over
 * OTLP as the standard OTEL_* variables say (endpoint, protocol, headers, OTEL_SERVICE_NAME,
 * sampling). Returns what flushes and stops it at shutdown.
 */
export async function startTracing(env: NodeJS.ProcessEnv = process.env) {
  // ES modules are instrumented through import-in-the-middle's loader hook, registered here
  // before the app's modules are imported.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url)
  nameSpansByRoute()
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? 'kakunin-api',
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes every few seconds would drown the traces that matter.
        ignoreIncomingRequestHook: (request) => /^\/(api\/health(\/|$|\?)|metrics(\?|$))/.test(request.url ?? ''),
        // Incoming requests only: an outgoing ClientRequest has a path, not a url.
        applyCustomAttributesOnSpan: (span, request) => {
          if (!('path' in request)) maskSpanUrl(span, request.url)
        },
      }),
      // Queries inside a request's trace only: the workers' polls, the probes' and the scrapes'
      // queries would otherwise be a trace each, several a second.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
      // Outgoing URLs (a status webhook receiver's may carry a token in its query) masked as well.
      new UndiciInstrumentation({
        requestHook: (span, request) => {
          const masked = maskUrl(`${request.origin}${request.path}`)
          span.setAttribute('url.full', masked)
          span.setAttribute('url.path', masked.split('?')[0] ?? '')
          span.setAttribute('url.query', masked.includes('?') ? masked.slice(masked.indexOf('?') + 1) : '')
        },
      }),
    ],
  })
  sdk.start()
  return { shutdown: () => sdk.shutdown() }
}
