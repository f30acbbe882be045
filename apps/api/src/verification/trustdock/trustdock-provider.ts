import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from '@kakunin/schema/zod'
import type { Config } from '#src/config/config.ts'
import { WebhookRejected, type ComparingData, type IdentificationDetails, type IdentityVerificationProvider, type ProviderEvent } from '#src/verification/provider.ts'
import type { VerificationMethod } from '@kakunin/schema/verification-method'

// An adapter shaped on TRUSTDOCK's public API (v2): a verification is created, given a plan and
// the data to compare with the ID; the applicant finishes in TRUSTDOCK's app (opened by public_id)
// and results arrive by webhook. This machine cannot reach the vendor: request building and the
// webhook mapping are unit-tested on payloads written from the documentation. Confirm field names
// against the vendor's current documentation and a sandbox account before production.

export const TRUSTDOCK = 'trustdock'
export const TRUSTDOCK_SIGNATURE_HEADER = 'x-trustdock-signature'
/** What its app can deliver; the plan (TRUSTDOCK_PLAN_ID) decides which the applicant is offered. */
export const TRUSTDOCK_METHODS = ['ho', 'ic_chip', 'jpki'] as const satisfies readonly VerificationMethod[]

/**
 * How the vendor reports the way the person was identified, onto our methods of record.
 * TO CONFIRM: neither the field's name (`identification_method`) nor these values could be found
 * in TRUSTDOCK's public documentation; check both against the vendor's webhook reference and a
 * sandbox account before production. A value not listed here maps to no method (never a guess).
 */
const METHOD_OF_IDENTIFICATION = new Map<string, VerificationMethod>([
  ['image', 'ho'], // 本人確認書類の画像 + 容貌 (ホ)
  ['ic_chip', 'ic_chip'], // ICチップの読み取り + 容貌 (ワ/カ)
  ['jpki', 'jpki'], // 公的個人認証
])

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>

const createdVerification = z.object({ id: z.string().check(z.minLength(1)), public_id: z.string().check(z.minLength(1)) })

/** The webhook body: the verification and its new state; `result` once it is decided. */
export const trustdockWebhook = z.object({
  id: z.string().check(z.minLength(1)),
  public_id: z.string().check(z.minLength(1)),
  state: z.enum(['in_progress', 'submitted', 'verified', 'denied', 'canceled']),
  updated_at: z.iso.datetime({ offset: true }),
  document_type: z.optional(z.string()),
  /** How the person was identified (see METHOD_OF_IDENTIFICATION: the name is to be confirmed). */
  identification_method: z.optional(z.string()),
  denial_reasons: z.optional(z.array(z.object({ code: z.string(), message: z.optional(z.string()) }))),
})

/** The comparing data as TRUSTDOCK takes it: one name, an ISO birth date, one address line. */
export function comparingDataBody(data: ComparingData) {
  const { year, month, day } = data.birthDate
  const { prefecture, city, town, building } = data.address
  return {
    name: `${data.familyName} ${data.givenName}`,
    name_kana: `${data.familyNameKana} ${data.givenNameKana}`,
    birth: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
    address: `${prefecture}${city}${town}${building ? ` ${building}` : ''}`,
  }
}

const REASONS: Record<string, 'ID_MISMATCH' | 'ID_UNREADABLE' | 'ID_EXPIRED' | 'NOT_ORIGINAL' | 'SELFIE_MISMATCH'> = {
  comparing_data_mismatch: 'ID_MISMATCH',
  name_mismatch: 'ID_MISMATCH',
  birth_mismatch: 'ID_MISMATCH',
  address_mismatch: 'ID_MISMATCH',
  unreadable: 'ID_UNREADABLE',
  expired: 'ID_EXPIRED',
  not_original: 'NOT_ORIGINAL',
  face_mismatch: 'SELFIE_MISMATCH',
}

const FIELD_OF_REASON: Record<string, { field: string; reason: 'NAME_MISMATCH' | 'BIRTHDATE_MISMATCH' | 'ADDRESS_MISMATCH'; hint: string }> = {
  name_mismatch: { field: 'user.familyName', reason: 'NAME_MISMATCH', hint: '氏名が本人確認書類の記載と一致しません。' },
  birth_mismatch: { field: 'user.birthDate', reason: 'BIRTHDATE_MISMATCH', hint: '生年月日が本人確認書類の記載と一致しません。' },
  address_mismatch: { field: 'user.address', reason: 'ADDRESS_MISMATCH', hint: '住所が本人確認書類の記載と一致しません。' },
}

/** The method and document as the payload reports them; what it does not say stays absent. */
function identificationOf(payload: z.infer<typeof trustdockWebhook>): IdentificationDetails {
  const method = payload.identification_method === undefined ? undefined : METHOD_OF_IDENTIFICATION.get(payload.identification_method)
  return { ...(method ? { method } : {}), ...(payload.document_type ? { documentType: payload.document_type } : {}) }
}

export function mapTrustdockWebhook(payload: z.infer<typeof trustdockWebhook>): ProviderEvent | null {
  const base = { eventId: `${payload.id}:${payload.state}`, providerReference: payload.id, occurredAt: new Date(payload.updated_at) }
  switch (payload.state) {
    case 'in_progress':
      // The method and document may be reported only later (submitted, verified): then none here.
      return { ...base, kind: 'started', ...identificationOf(payload) }
    case 'submitted':
      return { ...base, kind: 'submitted', ...identificationOf(payload) }
    case 'verified':
      return { ...base, kind: 'approved', ...identificationOf(payload), vendorResult: payload }
    case 'denied': {
      const codes = (payload.denial_reasons ?? []).map((reason) => reason.code)
      return {
        ...base,
        kind: 'denied',
        reasons: [...new Set(codes.map((code) => REASONS[code] ?? 'OTHER'))],
        mismatches: codes.flatMap((code) => (FIELD_OF_REASON[code] ? [FIELD_OF_REASON[code]] : [])),
        vendorResult: payload,
      }
    }
    case 'canceled':
      return null
  }
}

export function createTrustdockProvider(
  config: Pick<Config, 'TRUSTDOCK_API_URL' | 'TRUSTDOCK_API_TOKEN' | 'TRUSTDOCK_PLAN_ID' | 'TRUSTDOCK_WEBHOOK_SECRET' | 'TRUSTDOCK_APP_URL'>,
  fetchImpl: Fetch = fetch,
): IdentityVerificationProvider {
  const { TRUSTDOCK_API_URL: api, TRUSTDOCK_API_TOKEN: token, TRUSTDOCK_PLAN_ID: planId, TRUSTDOCK_WEBHOOK_SECRET: secret, TRUSTDOCK_APP_URL: appUrl } = config
  if (!api || !token || !planId || !secret || !appUrl) throw new Error('TRUSTDOCK_* configuration is incomplete')
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' }
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetchImpl(`${api}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    if (!response.ok) throw new Error(`TRUSTDOCK ${method} ${path} answered ${response.status}`)
    return response.json()
  }

  const mapWebhook = (json: unknown): ProviderEvent => {
    const parsed = trustdockWebhook.safeParse(json)
    if (!parsed.success) throw new WebhookRejected(400, 'unexpected payload')
    const event = mapTrustdockWebhook(parsed.data)
    if (!event) throw new WebhookRejected(400, `state ${parsed.data.state} is not handled`)
    return event
  }

  return {
    name: TRUSTDOCK,
    signatureHeader: TRUSTDOCK_SIGNATURE_HEADER,
    methods: TRUSTDOCK_METHODS,
    lawful: true,

    async createSession({ comparing }) {
      const verification = createdVerification.parse(await call('POST', '/v2/verifications', {}))
      await call('PUT', `/v2/verifications/${verification.id}/plans`, { ids: [planId] })
      await call('PUT', `/v2/verifications/${verification.id}/comparing_data`, comparingDataBody(comparing))
      const url = new URL(appUrl)
      url.searchParams.set('public_id', verification.public_id)
      return { providerReference: verification.id, url: url.toString() }
    },

    parseWebhook({ signature, body }) {
      if (!signature) throw new WebhookRejected(400, 'signature missing')
      const expected = createHmac('sha256', secret).update(body).digest()
      const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : null
      if (!given) throw new WebhookRejected(400, 'signature malformed')
      if (!timingSafeEqual(expected, given)) throw new WebhookRejected(401, 'signature mismatch')
      let json: unknown
      try {
        json = JSON.parse(body)
      } catch {
        throw new WebhookRejected(400, 'body is not JSON')
      }
      return mapWebhook(json)
    },

    mapWebhook,
  }
}
