import type { FastifyPluginAsync } from 'fastify'
import { ApiError } from '../http/api-error.ts'
import { WebhookRejected, type IdentityVerificationProvider } from './provider.ts'
import { applyProviderEvent } from './provider-events.ts'
import { SIGNATURE_HEADER } from './webhook-signature.ts'

/**
 * POST /api/webhooks/ekyc/:provider — the provider's signed verdicts and progress. The body is
 * kept raw: the signature covers the exact bytes sent.
 */
export const webhookRoutes: FastifyPluginAsync<{ providers: IdentityVerificationProvider[]; clock: () => Date; resumeHours: number }> = async (
  app,
  { providers, clock, resumeHours },
) => {
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => done(null, body))

  for (const provider of providers) {
    app.post(`/webhooks/ekyc/${provider.name}`, async (request, reply) => {
      const now = clock()
      const signature = request.headers[SIGNATURE_HEADER]
      let event
      try {
        event = provider.parseWebhook({ signature: typeof signature === 'string' ? signature : undefined, body: String(request.body ?? '') }, now)
      } catch (error) {
        if (!(error instanceof WebhookRejected)) throw error
        request.log.warn({ provider: provider.name, reason: error.message }, 'webhook rejected')
        throw new ApiError(error.statusCode, error.statusCode === 401 ? 'UNAUTHORIZED' : 'BAD_REQUEST', '署名を検証できませんでした')
      }
      const outcome = await applyProviderEvent(app.prisma, { ...app.mail, resumeHours }, provider.name, event, JSON.parse(String(request.body)), now)
      return reply.status(200).send({ received: true, duplicate: outcome === 'duplicate' })
    })
  }
}
