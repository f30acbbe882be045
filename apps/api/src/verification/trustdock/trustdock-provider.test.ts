import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { comparingDataBody, createTrustdockProvider, mapTrustdockWebhook, TRUSTDOCK_SIGNATURE_HEADER, trustdockWebhook } from './trustdock-provider.ts'

const config = {
  TRUSTDOCK_API_URL: 'https://api.test.trustdock.example',
  TRUSTDOCK_API_TOKEN: 'token-123',
  TRUSTDOCK_PLAN_ID: 'plan-abc',
  TRUSTDOCK_WEBHOOK_SECRET: 'trustdock-webhook-secret-of-32-characters',
  TRUSTDOCK_APP_URL: 'https://app.trustdock.example/verify',
}
const comparing = {
  reference: 'KYC-20261128-0001',
  familyName: '山田',
  givenName: '太郎',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'タロウ',
  birthDate: { year: '1990', month: '4', day: '1' },
  address: { postalCode: '150-0002', prefecture: '東京都', city: '渋谷区', town: '渋谷2-21-1', building: '' },
}
const sign = (body: string) => createHmac('sha256', config.TRUSTDOCK_WEBHOOK_SECRET).update(body).digest('hex')

describe('the TRUSTDOCK adapter', () => {
  it('creates a verification, sets the plan and the comparing data, and links the app by public_id', async () => {
    const calls: { method: string; url: string; body?: unknown; auth?: string }[] = []
    const provider = createTrustdockProvider(config, async (url, init) => {
      calls.push({ method: init.method, url, auth: init.headers.Authorization, ...(init.body ? { body: JSON.parse(init.body) } : {}) })
      return { ok: true, status: 200, json: async () => (init.method === 'POST' ? { id: 'vrf_1', public_id: 'pub_1' } : {}) }
    })
    const session = await provider.createSession({ comparing, publicBaseUrl: 'unused', expiresAt: new Date(), now: new Date() })
    expect(session).toEqual({ providerReference: 'vrf_1', url: 'https://app.trustdock.example/verify?public_id=pub_1' })
    expect(calls).toEqual([
      { method: 'POST', url: `${config.TRUSTDOCK_API_URL}/v2/verifications`, auth: 'Bearer token-123', body: {} },
      { method: 'PUT', url: `${config.TRUSTDOCK_API_URL}/v2/verifications/vrf_1/plans`, auth: 'Bearer token-123', body: { ids: ['plan-abc'] } },
      {
        method: 'PUT',
        url: `${config.TRUSTDOCK_API_URL}/v2/verifications/vrf_1/comparing_data`,
        auth: 'Bearer token-123',
        body: { name: '山田 太郎', name_kana: 'ヤマダ タロウ', birth: '1990-04-01', address: '東京都渋谷区渋谷2-21-1' },
      },
    ])
  })

  it('fails loudly when the vendor refuses', async () => {
    const provider = createTrustdockProvider(config, async () => ({ ok: false, status: 422, json: async () => ({}) }))
    await expect(provider.createSession({ comparing, publicBaseUrl: '', expiresAt: new Date(), now: new Date() })).rejects.toThrow(/422/)
  })

  it('formats the comparing data with the building after a space', () => {
    expect(comparingDataBody({ ...comparing, address: { ...comparing.address, building: 'ヒカリエ8F' } }).address).toBe('東京都渋谷区渋谷2-21-1 ヒカリエ8F')
  })

  it.each([
    [{ state: 'in_progress' }, { kind: 'started', eventId: 'vrf_1:in_progress' }],
    [{ state: 'submitted' }, { kind: 'submitted' }],
    [{ state: 'verified' }, { kind: 'approved' }],
    [
      { state: 'denied', denial_reasons: [{ code: 'name_mismatch' }, { code: 'unreadable' }] },
      {
        kind: 'denied',
        reasons: ['ID_MISMATCH', 'ID_UNREADABLE'],
        mismatches: [{ field: 'user.familyName', reason: 'NAME_MISMATCH', hint: expect.stringContaining('氏名') }],
      },
    ],
  ])('maps a signed webhook %j', (fields, expected) => {
    const provider = createTrustdockProvider(config)
    const body = JSON.stringify({ id: 'vrf_1', public_id: 'pub_1', updated_at: '2026-11-28T12:00:00+09:00', ...fields })
    expect(provider.parseWebhook({ signature: sign(body), body }, new Date())).toMatchObject({ providerReference: 'vrf_1', ...expected })
  })

  it('rejects unsigned, wrongly signed and unexpected webhooks', () => {
    const provider = createTrustdockProvider(config)
    const body = JSON.stringify({ id: 'vrf_1', public_id: 'pub_1', state: 'verified', updated_at: '2026-11-28T12:00:00+09:00' })
    expect(() => provider.parseWebhook({ signature: undefined, body }, new Date())).toThrow(expect.objectContaining({ statusCode: 400 }))
    expect(() => provider.parseWebhook({ signature: sign(`${body} `), body }, new Date())).toThrow(expect.objectContaining({ statusCode: 401 }))
    const odd = JSON.stringify({ id: 'vrf_1', state: 'exploded' })
    expect(() => provider.parseWebhook({ signature: sign(odd), body: odd }, new Date())).toThrow(expect.objectContaining({ statusCode: 400 }))
  })

  it('declares its own signature header, its methods, and that its results are lawful', () => {
    const provider = createTrustdockProvider(config)
    expect(provider).toMatchObject({ name: 'trustdock', signatureHeader: TRUSTDOCK_SIGNATURE_HEADER, lawful: true })
    expect(TRUSTDOCK_SIGNATURE_HEADER).toBe('x-trustdock-signature')
    expect(provider.methods).toEqual(['ho', 'ic_chip', 'jpki'])
  })
})

describe('mapTrustdockWebhook: the method of record', () => {
  const payload = (fields: object) =>
    trustdockWebhook.parse({ id: 'vrf_1', public_id: 'pub_1', updated_at: '2026-11-28T12:00:00+09:00', state: 'in_progress', ...fields })

  it.each([
    ['image', 'ho'],
    ['ic_chip', 'ic_chip'],
    ['jpki', 'jpki'],
  ])('takes the method from the payload (%s → %s)', (reported, method) => {
    expect(mapTrustdockWebhook(payload({ identification_method: reported }))).toMatchObject({ kind: 'started', method })
  })

  it('gives no method when the payload does not say, or says something it does not know: never a guess', () => {
    for (const fields of [{}, { identification_method: 'video_call' }, { identification_method: 'toString' }]) {
      const event = mapTrustdockWebhook(payload(fields))
      expect(event).toMatchObject({ kind: 'started' })
      expect(event).not.toHaveProperty('method')
      expect(event).not.toHaveProperty('documentType')
    }
  })

  it('takes the method and document from a later event, for a vendor that reports them at the end', () => {
    const reported = { identification_method: 'ic_chip', document_type: 'drivers_license' }
    expect(mapTrustdockWebhook(payload({ state: 'submitted', ...reported }))).toMatchObject({ kind: 'submitted', method: 'ic_chip', documentType: 'drivers_license' })
    expect(mapTrustdockWebhook(payload({ state: 'verified', ...reported }))).toMatchObject({ kind: 'approved', method: 'ic_chip', documentType: 'drivers_license' })
    expect(mapTrustdockWebhook(payload({ state: 'verified' }))).not.toHaveProperty('method')
  })
})
