import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import fp from 'fastify-plugin'

export const REQUEST_ID_HEADER = 'x-request-id'

// A caller's id is kept only when it is a plain token: anything else could forge log lines
// (newlines), smuggle personal data into the log, or blow up its size.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * Fastify's `genReqId`: the client's (or the proxy's) X-Request-Id when it is a safe token, so a
 * request can be followed across services; a random UUID otherwise. Fastify's own header handling
 * is off (`requestIdHeader: false`) because it would take any value as it came.
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER]
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID()
}

/** Every response carries its request id, errors and 404s included, to quote when reporting a problem. */
export const requestIdHeader = fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id)
    })
  },
  { name: 'request-id' },
)
