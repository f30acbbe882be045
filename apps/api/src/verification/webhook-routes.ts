import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorResponse } from '@kakunin/schema/errors'
import { z } from '@kakunin/schema/zod'
import { ApiError, notFound } from '#src/http/api-error.ts'
import { WebhookRejected } from './provider.ts'
import { applyProviderEvent } from './provider-events.ts'

/** The 404 for a provider name this process does not run (unknown, or not configured). */
export const UNKNOWN_PROVIDER_MESSAGE = 'この本人確認サービスからの通知は受け付けていません'

const UNPAIRED_SURROGATE = /\p{Cs}/u
const unstorable = (text: string) => text.includes('\u0000') || UNPAIRED_SURROGATE.test(text)

/** Every key and string of a parsed JSON value, walked without recursion (a body may nest deeply). */
function storableInPostgres(value: unknown): boolean {
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const item = pending.pop()
    if (typeof item === 'string') {
      if (unstorable(item)) return false
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (unstorable(key)) return false
        pending.push(child)
      }
    }
  }
  return true
}

/**
 * POST /api/webhooks/ekyc/:provider — the provider's signed verdicts and progress, for every
 * configured adapter. The body is kept raw: the signature covers the exact bytes sent. Each
 * adapter names the header its vendor signs in.
 */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => done(null, body))

  const response = {
    200: z.object({ received: z.literal(true), duplicate: z.boolean() }),
    400: errorResponse,
    401: errorResponse,
    404: errorResponse,
    409: errorResponse,
  }
  app.post('/webhooks/ekyc/:provider', { schema: { params: z.object({ provider: z.string() }), response } }, async (request, reply) => {
    const provider = app.deps.providers.get(request.params.provider)
    if (!provider) throw notFound(UNKNOWN_PROVIDER_MESSAGE)
    const now = app.deps.clock()
    const signature = request.headers[provider.signatureHeader]
    let event
    try {
      event = provider.parseWebhook({ signature: typeof signature === 'string' ? signature : undefined, body: String(request.body ?? '') }, now)
    } catch (error) {
      if (!(error instanceof WebhookRejected)) throw error
      request.log.warn({ provider: provider.name, reason: error.message }, 'webhook rejected')
      throw new ApiError(error.statusCode, error.statusCode === 401 ? 'UNAUTHORIZED' : 'BAD_REQUEST', '署名を検証できませんでした')
    }
    const payload: unknown = JSON.parse(String(request.body))
    // The payload is kept as the vendor sent it (jsonb), and its event id as text: PostgreSQL
    // stores neither a NUL nor an unpaired surrogate, even signed ones.
    if (!storableInPostgres(payload)) throw new ApiError(400, 'BAD_REQUEST', '通知に保存できない文字（NUL など）が含まれています')
    const outcome = await applyProviderEvent(app.deps, provider.name, event, payload)
    return reply.status(200).send({ received: true, duplicate: outcome === 'duplicate' })
  })
}
