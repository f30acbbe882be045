import type { APIRequestContext } from '@playwright/test'
import { createApiClient, type ApiClient } from '@kakunin/api-client'
import { e2e } from './environment.ts'

/** Statuses whose answer has no body (a Response with one would not construct). */
const NO_BODY = new Set([101, 204, 205, 304])

/**
 * The API's generated client (@kakunin/api-client) sending through a Playwright request context,
 * whose cookies are the session: `page.request` is the page's browser session, a `newContext()` one
 * of its own. `headers` go with every request (a staff key's Authorization).
 */
export function apiClient(context: APIRequestContext, headers?: Record<string, string>): ApiClient {
  return createApiClient(
    e2e.baseURL,
    async (request) => {
      const body = request.headers.has('content-type') ? Buffer.from(await request.arrayBuffer()) : undefined
      const sent: Record<string, string> = {}
      request.headers.forEach((value, name) => (sent[name] = value))
      const answer = await context.fetch(request.url, {
        method: request.method,
        headers: sent,
        ...(body && { data: body }),
        maxRedirects: 0,
      })
      const status = answer.status()
      return new Response(NO_BODY.has(status) ? null : new Uint8Array(await answer.body()), {
        status,
        statusText: answer.statusText(),
        headers: answer.headersArray().map(({ name, value }): [string, string] => [name, value]),
      })
    },
    headers && { headers },
  )
}
