import type { FastifyInstance, FastifyRequest } from 'fastify'
import { clientAddress } from './client-address.ts'
import { enforceLimit } from './enforce-limit.ts'
import type { Limit, RateLimits } from './rate-limits.ts'

/**
 * Why an own preHandler rather than a store for @fastify/rate-limit: the plugin counts in an
 * onRequest hook keyed by one synchronous string, before the session is known, with its own clock
 * and its own 429 body. The keys here need the session's application (an async look-up), the
 * emails need the same counters from inside services, and the tests move the app's clock; one
 * upsert behind one function serves all of them, with the one error shape.
 *
 * `identity` names who is counted (null: count nothing, e.g. not this browser's application,
 * which the route then answers 404). Runs as a preHandler, after validation and after the
 * route's own guards, so a request that could not have done anything spends nothing.
 */
export function limitRequests<R extends FastifyRequest = FastifyRequest>(
  app: FastifyInstance,
  pick: (limits: RateLimits) => Limit,
  identity: (request: R) => readonly string[] | null | Promise<readonly string[] | null>,
) {
  return async (request: R) => {
    const who = await identity(request)
    if (who) await enforceLimit(app.deps, pick(app.deps.settings.rateLimits), who)
  }
}

/** The client's address, as the limits count it. */
export const byAddress = (request: FastifyRequest) => [clientAddress(request.ip)]

/**
 * This browser's own application named in the URL. Only its session is counted, so no one can
 * spend another applicant's bucket, and applicants behind one proxy or NAT do not share one. The
 * address is left out on purpose: with it, one session could open a fresh bucket per address.
 */
export async function byOwnApplication(request: FastifyRequest<{ Params: { id: string } }>) {
  const own = await request.applicantApplicationId()
  return own && own === request.params.id ? [own] : null
}

/**
 * The token in the URL (a QR code's) from this address: the token is the only credential there,
 * and anyone who glimpsed the QR code could otherwise spend the phone's bucket from elsewhere.
 */
export function byPathTokenAndAddress(request: FastifyRequest) {
  const { token } = (request.params ?? {}) as { token?: unknown }
  return typeof token === 'string' ? [token, clientAddress(request.ip)] : null
}
