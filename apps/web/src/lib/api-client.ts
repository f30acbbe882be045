import { createApiClient } from '@kakunin/api-client'
import type { ErrorResponse } from '@kakunin/schema/errors'

/** A failed API call, carrying the server's error shape (code, Japanese message, field errors). */
export class ApiRequestError extends Error {
  readonly status: number
  readonly body: ErrorResponse['error']

  constructor(status: number, body: ErrorResponse['error']) {
    super(body.message)
    this.status = status
    this.body = body
    this.name = 'ApiRequestError'
  }
}

const NETWORK_ERROR: ErrorResponse['error'] = {
  code: 'SERVICE_UNAVAILABLE',
  message: '通信できませんでした。インターネット接続をご確認のうえ、もう一度お試しください。',
}

/** Marks a request the page sent by itself (a poll): the API does not count it as the user's activity. */
export const POLL_HEADER = 'X-Kakunin-Poll'

/** The headers of a poll (`poll`), so that a page left open does not keep its session alive forever. */
export const pollHeaders = (poll: boolean): Record<string, string> => (poll ? { [POLL_HEADER]: '1' } : {})

/** A request that found no server (offline, DNS, a refused connection) is an ApiRequestError too. */
async function send(request: Request): Promise<Response> {
  try {
    return await fetch(request)
  } catch {
    throw new ApiRequestError(0, NETWORK_ERROR)
  }
}

/**
 * The API's generated client (@kakunin/api-client) with the session cookie, on this origin: paths
 * are the document's (`/api/...`, parameters as `{id}`), and so are bodies and answers. A call may
 * pass `keepalive: true` so that a write outlives the page that sends it (a tab being closed).
 */
export const api = createApiClient(globalThis.location.origin, send, { credentials: 'same-origin' })

/**
 * A call's answer: its body (undefined for 204), or an ApiRequestError for any non-2xx, carrying the
 * error shape (or a general message when the answer had none, a proxy's 502 for example).
 */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call
  if (!response.ok) {
    const body = (error as Partial<ErrorResponse> | undefined)?.error
    throw new ApiRequestError(response.status, body ?? { code: 'INTERNAL_ERROR', message: 'エラーが発生しました。' })
  }
  return data as T
}

/** For the answers without a body (204): nothing, or an ApiRequestError as `answer` throws it. */
export async function done(call: Promise<{ error?: unknown; response: Response }>): Promise<undefined> {
  await answer(call)
  return undefined
}
