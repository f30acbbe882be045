import createClient, { type Client, type ClientOptions } from 'openapi-fetch'
import type { paths } from '../generated/api.ts'

// The API's client, typed by `paths`: generated from the OpenAPI document the API serves
// (apps/api/scripts/write-openapi.ts writes ../generated/ on install and before typecheck, build,
// test and dev). A route whose request or response changes shape fails its callers' typecheck.
export type { paths }

export type ApiClient = Client<paths>

/**
 * openapi-fetch over the API's paths (they start with /api). `fetch` is called for every request
 * with a Request built from `options` (credentials, headers, keepalive …); give one to add what
 * every request needs, to look the global up late (test interceptors replace it), or to send
 * through another HTTP stack (Playwright's request context and its cookies).
 */
export function createApiClient(baseUrl: string, fetch?: (request: Request) => Promise<Response>, options: Omit<ClientOptions, 'baseUrl' | 'fetch'> = {}): ApiClient {
  return createClient<paths>({ ...options, baseUrl, ...(fetch && { fetch }) })
}
