import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { API, apiError, jsonBody } from '#src/testing/handlers.ts'
import { server } from '#src/testing/server.ts'
import { apiFetch, ApiRequestError } from './api-client.ts'

describe('apiFetch', () => {
  it('sends JSON to the relative /api path and returns the parsed answer', async () => {
    let sent: { method: string; contentType: string | null; body: unknown } | undefined
    server.use(
      http.post(`${API}/things`, async ({ request }) => {
        sent = { method: request.method, contentType: request.headers.get('content-type'), body: await jsonBody(request) }
        return HttpResponse.json({ ok: true })
      }),
    )
    await expect(apiFetch('/things', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: true })
    expect(sent).toEqual({ method: 'POST', contentType: 'application/json', body: { a: 1 } })
  })

  it('sends {} as JSON for a write without a body (the API takes writes as JSON only)', async () => {
    let sent: { contentType: string | null; body: unknown } | undefined
    server.use(
      http.post(`${API}/things`, async ({ request }) => {
        sent = { contentType: request.headers.get('content-type'), body: await jsonBody(request) }
        return new HttpResponse(null, { status: 204 })
      }),
    )
    await apiFetch('/things', { method: 'POST' })
    expect(sent).toEqual({ contentType: 'application/json', body: {} })
  })

  it('marks a poll with X-Kakunin-Poll: 1, and only a poll (the API counts the others as activity)', async () => {
    const seen: (string | null)[] = []
    server.use(
      http.get(`${API}/things`, ({ request }) => {
        seen.push(request.headers.get('x-kakunin-poll'))
        return HttpResponse.json({})
      }),
    )
    await apiFetch('/things', { poll: true })
    await apiFetch('/things')
    expect(seen).toEqual(['1', null])
  })

  it('returns undefined for an empty answer (204)', async () => {
    server.use(http.post(`${API}/things`, () => new HttpResponse(null, { status: 204 })))
    await expect(apiFetch('/things', { method: 'POST' })).resolves.toBeUndefined()
  })

  it('turns the error shape of a non-2xx answer into an ApiRequestError', async () => {
    server.use(http.get(`${API}/things`, () => apiError(400, 'VALIDATION_FAILED', '入力内容に誤りがあります。', { a: 'だめです' })))
    const error: unknown = await apiFetch('/things').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiRequestError)
    expect(error).toMatchObject({
      status: 400,
      message: '入力内容に誤りがあります。',
      body: { code: 'VALIDATION_FAILED', fields: { a: 'だめです' } },
    })
  })

  it('gives a failure without the error shape a general message', async () => {
    server.use(http.get(`${API}/things`, () => new HttpResponse(null, { status: 502 })))
    await expect(apiFetch('/things')).rejects.toMatchObject({ status: 502, body: { code: 'INTERNAL_ERROR', message: 'エラーが発生しました。' } })
  })

  it('reports a network failure as status 0 with advice to check the connection', async () => {
    server.use(http.get(`${API}/things`, () => HttpResponse.error()))
    await expect(apiFetch('/things')).rejects.toMatchObject({
      status: 0,
      body: { code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('インターネット接続をご確認') },
    })
  })
})
