import createClient, { type Client, type ClientOptions } from 'openapi-fetch'
import type { paths } from '../generated/api.ts'

// The API's client, typed by `paths`: generated from the OpenAPI document the API serves
// (apps/api/scripts/write-openapi.ts writes ../generated/ on install and before typecheck, test
// and dev). A route whose request or response changes shape fails its callers' typecheck.
export type { paths }

export type ApiClient = Client<paths>

/**
 * openapi-fetch over the API's paths (they start with /api). `fetch` sends each Request the client
 * builds from `options` (credentials, headers, keepalive …): by default the global fetch, looked up
 * per request (test interceptors replace it); another one can map failures or send through another
 * HTTP stack (Playwright's request context and its cookies).
 */
export function createApiClient(
  baseUrl: string,
  fetch: (request: Request) => Promise<Response> = (request) => globalThis.fetch(request),
  options: Omit<ClientOptions, 'baseUrl' | 'fetch'> = {},
): ApiClient {
  return createClient<paths>({ ...options, baseUrl, fetch: (request: Request) => fetch(withBody(request)) })
}

/**
 * The API takes every write as JSON only (a cross-site form cannot send JSON), so a write without a
 * body sends `{}`. A JSON body already says so; a FormData one says multipart/form-data.
 */
function withBody(request: Request): Request {
  if (request.method === 'GET' || request.method === 'HEAD' || request.headers.has('content-type')) return request
  request.headers.set('content-type', 'application/json')
  return new Request(request, { body: '{}' })
}

/**
 * An upload's body, for the routes that take a file: multipart/form-data with the file in the one
 * part the API takes, `file` (the Request writes the boundary).
 */
export const filePart = (file: Blob) => ({
  body: { file },
  bodySerializer: () => {
    const form = new FormData()
    form.append('file', file)
    return form
  },
})
