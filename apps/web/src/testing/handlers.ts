// MSW handlers for the API the SPA calls. The SPA fetches relative URLs (`/api/...`); the test
// document lives at http://localhost/ (vitest.config.ts), so they arrive as http://localhost/api/...
import { http, HttpResponse, type JsonBodyType } from 'msw'
import type { ApplicantApplication } from '@kakunin/schema/application'
import type { ErrorCode, ErrorResponse } from '@kakunin/schema/errors'
import type { CurrentVerificationResponse } from '@kakunin/schema/verification'
import type { PublicConfig } from '#src/api/get-public-config.ts'

export const API = 'http://localhost/api'

/** The API's one error shape. */
export function apiError(status: number, code: ErrorCode, message: string, fields?: Record<string, string>) {
  const body: ErrorResponse = { error: { code, message, ...(fields && { fields }) } }
  return HttpResponse.json(body, { status })
}

/** `GET /api/applications/current`: this session's application, or 204 when it has none. */
export const currentApplication = (application: ApplicantApplication | null) =>
  http.get(`${API}/applications/current`, () => (application ? HttpResponse.json(application) : noApplication()))

/** The answer of `GET /api/applications/current` for a browser with no application. */
export const noApplication = () => new HttpResponse(null, { status: 204 })

/** `GET /api/applications/:id/verifications/current`. */
export const currentVerificationOf = (response: CurrentVerificationResponse) =>
  http.get(`${API}/applications/:id/verifications/current`, () => HttpResponse.json(response))

export const PUBLIC_CONFIG: PublicConfig = {
  mailDomain: 'kakunin.example.jp',
  operator: {
    name: '株式会社テスト通信',
    url: 'https://www.test-tsushin.example.jp',
    supportEmail: 'kakunin-support@test-tsushin.example.jp',
    privacyPolicyUrl: null,
  },
}

/** What every screen may ask for on the side; tests add (and override) the rest with `server.use`. */
export const defaultHandlers = [http.get(`${API}/config`, () => HttpResponse.json(PUBLIC_CONFIG))]

/** The JSON body of a request a handler received, typed as the test expects it. */
export async function jsonBody<T extends JsonBodyType>(request: Request): Promise<T> {
  return (await request.json()) as T
}
