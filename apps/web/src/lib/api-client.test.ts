import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { anApplication } from '@kakunin/test-data/applications'
import { API, apiError, jsonBody, noApplication } from '#src/testing/handlers.ts'
import { server } from '#src/testing/server.ts'
import { filePart } from '@kakunin/api-client'
import { answer, api, ApiRequestError, done, pollHeaders } from './api-client.ts'

describe('the API client', () => {
  it('sends JSON with the session cookie to the document’s path and returns the parsed answer', async () => {
    const application = anApplication()
    let sent: { contentType: string | null; credentials: RequestCredentials; body: unknown } | undefined
    server.use(
      http.post(`${API}/applications`, async ({ request }) => {
        sent = { contentType: request.headers.get('content-type'), credentials: request.credentials, body: await jsonBody(request) }
        return HttpResponse.json(application, { status: 201 })
      }),
    )
    await expect(answer(api.POST('/api/applications', { body: { flow: 'FIRST_TIME' } }))).resolves.toEqual(application)
    expect(sent).toEqual({ contentType: 'application/json', credentials: 'same-origin', body: { flow: 'FIRST_TIME' } })
  })

  it('sends {} as JSON for a write without a body (the API takes writes as JSON only)', async () => {
    let sent: { contentType: string | null; body: unknown } | undefined
    server.use(
      http.post(`${API}/session/logout`, async ({ request }) => {
        sent = { contentType: request.headers.get('content-type'), body: await jsonBody(request) }
        return new HttpResponse(null, { status: 204 })
      }),
    )
    await expect(done(api.POST('/api/session/logout'))).resolves.toBeUndefined()
    expect(sent).toEqual({ contentType: 'application/json', body: {} })
  })

  it('puts path parameters in the path, encoded', async () => {
    let path: string | undefined
    server.use(
      http.get(`${API}/resume/:token`, ({ request }) => {
        path = new URL(request.url).pathname
        return apiError(404, 'NOT_FOUND', 'このリンクは使用できません。')
      }),
    )
    await answer(api.GET('/api/resume/{token}', { params: { path: { token: 'a/b?c' } } })).catch(() => undefined)
    expect(path).toBe('/api/resume/a%2Fb%3Fc')
  })

  it('marks a poll with X-Kakunin-Poll: 1, and only a poll (the API counts the others as activity)', async () => {
    const seen: (string | null)[] = []
    server.use(
      http.get(`${API}/applications/current`, ({ request }) => {
        seen.push(request.headers.get('x-kakunin-poll'))
        return noApplication()
      }),
    )
    await answer(api.GET('/api/applications/current', { headers: pollHeaders(true) }))
    await answer(api.GET('/api/applications/current', { headers: pollHeaders(false) }))
    expect(seen).toEqual(['1', null])
  })

  it('lets a write outlive the page that sends it (keepalive), when asked', async () => {
    const seen: boolean[] = []
    server.use(
      http.put(`${API}/applications/:id/steps/type/draft`, ({ request }) => {
        seen.push(request.keepalive)
        return HttpResponse.json(anApplication())
      }),
    )
    const draft = { params: { path: { id: 'app-1' } }, body: { version: 1, values: {} } }
    await answer(api.PUT('/api/applications/{id}/steps/type/draft', { ...draft, keepalive: true }))
    await answer(api.PUT('/api/applications/{id}/steps/type/draft', draft))
    expect(seen).toEqual([true, false])
  })

  it('returns undefined for an empty answer (204)', async () => {
    server.use(http.get(`${API}/applications/current`, () => noApplication()))
    await expect(answer(api.GET('/api/applications/current'))).resolves.toBeUndefined()
  })

  it('sends an upload as multipart/form-data with the file in the part `file`', async () => {
    let sent: { contentType: string | null; body: string } | undefined
    server.use(
      http.post(`${API}/sandbox-ekyc/sessions/:token/uploads/:kind`, async ({ request }) => {
        // As text: undici's own multipart parser refuses jsdom's File class, which is the global here.
        sent = { contentType: request.headers.get('content-type'), body: await request.text() }
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const file = new File(['front of the licence'], 'front.png', { type: 'image/png' })
    await done(api.POST('/api/sandbox-ekyc/sessions/{token}/uploads/{kind}', { params: { path: { token: 't', kind: 'front' } }, ...filePart(file) }))
    const boundary = sent?.contentType?.match(/^multipart\/form-data; boundary=(.+)$/)?.[1]
    expect(boundary).toBeDefined()
    const parts = sent?.body.split(`--${boundary}`).slice(1, -1) ?? []
    expect(parts).toHaveLength(1)
    // The part, not its bytes: those of jsdom's File do not survive into undici's body (the e2e tests send real ones).
    expect(parts[0]).toContain('Content-Disposition: form-data; name="file"; filename="front.png"\r\nContent-Type: image/png\r\n')
  })

  it('turns the error shape of a non-2xx answer into an ApiRequestError', async () => {
    server.use(http.get(`${API}/config`, () => apiError(400, 'VALIDATION_FAILED', '入力内容に誤りがあります。', { a: 'だめです' })))
    const error: unknown = await answer(api.GET('/api/config')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiRequestError)
    expect(error).toMatchObject({
      status: 400,
      message: '入力内容に誤りがあります。',
      body: { code: 'VALIDATION_FAILED', fields: { a: 'だめです' } },
    })
  })

  it('gives a failure without the error shape a general message', async () => {
    server.use(http.get(`${API}/config`, () => new HttpResponse('<html>Bad Gateway</html>', { status: 502 })))
    await expect(answer(api.GET('/api/config'))).rejects.toMatchObject({ status: 502, body: { code: 'INTERNAL_ERROR', message: 'エラーが発生しました。' } })
  })

  it('reports a network failure as status 0 with advice to check the connection', async () => {
    server.use(http.get(`${API}/config`, () => HttpResponse.error()))
    await expect(answer(api.GET('/api/config'))).rejects.toMatchObject({
      status: 0,
      body: { code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('インターネット接続をご確認') },
    })
  })
})
