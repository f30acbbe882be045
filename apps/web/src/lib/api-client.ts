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

/**
 * JSON over fetch with the session cookie; any non-2xx becomes an ApiRequestError. A FormData body
 * goes as multipart/form-data (the browser writes its boundary). The API takes every other write as
 * JSON only (a cross-site form cannot send JSON), so a write without a body sends `{}`. `poll`
 * marks an automatic refetch, so that a page left open does not keep its session alive forever.
 * `keepalive` lets a write outlive the page that sends it (a tab being closed).
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; poll?: boolean; keepalive?: boolean } = {}): Promise<T> {
  const method = init.method ?? 'GET'
  const body = init.body === undefined && method !== 'GET' ? {} : init.body
  const raw = body === undefined || body instanceof FormData
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: { ...(raw ? {} : { 'Content-Type': 'application/json' }), ...(init.poll ? { [POLL_HEADER]: '1' } : {}) },
      body: raw ? body : JSON.stringify(body),
      ...(init.keepalive ? { keepalive: true } : {}),
    })
  } catch {
    throw new ApiRequestError(0, NETWORK_ERROR)
  }
  const text = await response.text()
  const json: unknown = text ? JSON.parse(text) : undefined
  if (!response.ok) {
    const error = (json as Partial<ErrorResponse> | undefined)?.error
    throw new ApiRequestError(response.status, error ?? { code: 'INTERNAL_ERROR', message: 'エラーが発生しました。' })
  }
  return json as T
}
