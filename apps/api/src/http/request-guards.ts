import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from './api-error.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const JSON_ONLY = ['application/json']

/**
 * Two checks on every state-changing request, before its body is read (login CSRF, issue 12):
 *
 * - A browser request from another site is refused. `Sec-Fetch-Site` (set by the browser, not by
 *   the page) decides when present; otherwise `Origin` must be this service or a CORS_ORIGINS entry.
 *   Requests with neither come from no browser (staff tools, providers' webhooks) and carry no
 *   cookie a page could ride on.
 * - The body must be JSON, or what the route documents (`schema.consumes`, the photo uploads).
 *   HTML forms can post `text/plain` or urlencoded without a preflight; they cannot post JSON, so
 *   a cross-site form can no longer reach a route at all. Body-less POSTs send `{}`.
 */
export const requestGuards = fp<{ allowedOrigins: readonly string[]; publicBaseUrl: string | undefined }>(
  async (app, { allowedOrigins, publicBaseUrl }) => {
    const trusted = new Set([...allowedOrigins, ...(publicBaseUrl ? [new URL(publicBaseUrl).origin] : [])])
    app.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method)) return
      refuseCrossSite(request, trusted)
      // An unknown route answers 404, which says more than which body it would have taken.
      if (request.routeOptions.url !== undefined) requireDocumentedContentType(request)
    })
  },
  { name: 'request-guards' },
)

function refuseCrossSite(request: FastifyRequest, trusted: ReadonlySet<string>) {
  const origin = single(request.headers.origin)
  const fetchSite = single(request.headers['sec-fetch-site'])
  const fromTrustedOrigin = origin !== undefined && trusted.has(origin)
  if (fetchSite !== undefined) {
    if (fetchSite === 'same-origin' || fromTrustedOrigin) return
    throw crossSite()
  }
  if (origin === undefined || fromTrustedOrigin || sameHost(origin, request.host)) return
  throw crossSite()
}

function sameHost(origin: string, host: string) {
  try {
    const { protocol, host: originHost } = new URL(origin)
    return originHost === new URL(`${protocol}//${host}`).host // both with default ports dropped
  } catch {
    return false // "null" (sandboxed frames, file:) and garbage are no origin of ours
  }
}

function requireDocumentedContentType(request: FastifyRequest) {
  const accepted = (request.routeOptions.schema?.consumes as readonly string[] | undefined) ?? JSON_ONLY
  const mediaType = single(request.headers['content-type'])?.split(';')[0]?.trim().toLowerCase()
  if (mediaType && accepted.includes(mediaType)) return
  throw new ApiError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    accepted === JSON_ONLY
      ? 'Content-Type は application/json で送信してください（本文がない場合は {} を送信してください）'
      : `Content-Type は ${accepted.join(' または ')} で送信してください`,
  )
}

const crossSite = () => new ApiError(403, 'FORBIDDEN', 'このサービス以外のページからの送信は受け付けていません。')

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
