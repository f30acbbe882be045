import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'

/** What a JSON or error response may do if a browser renders it as a page: nothing. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * The headers helmet sets (with the options below), for answers written before any hook runs:
 * Fastify's router errors and the raw replies to requests Node could not parse.
 */
export function unroutedSecurityHeaders(production: boolean): Record<string, string> {
  return {
    'content-security-policy': API_CONTENT_SECURITY_POLICY,
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(production ? { 'strict-transport-security': HSTS } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  }
}

/**
 * Security headers on every response. helmet's own CSP is off because one policy cannot fit
 * both the SPA and Swagger UI: each sets its own (web/spa-csp.ts, http/openapi.ts), and whatever
 * sets none (the API's JSON, errors, 404s) gets the deny-all policy above.
 *
 * Cache-Control: no-store unless the response says otherwise. Applications, sessions, staff
 * views and the mailbox all carry personal data; a rule per route would miss the next one. What
 * may be cached (the SPA's files) sets its own header.
 */
export const securityHeaders = fp<{ production: boolean }>(
  async (app, { production }) => {
    // No Referer leaves the site: resume and QR URLs carry tokens in their path.
    await app.register(helmet, {
      contentSecurityPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
      hsts: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    })
    app.addHook('onSend', async (_request, reply, payload) => {
      if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', API_CONTENT_SECURITY_POLICY)
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
      return payload
    })
  },
  { name: 'security-headers' },
)
