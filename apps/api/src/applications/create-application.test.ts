import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { referencePattern } from '@kakunin/schema/application'
import { buildTestApp } from '#src/test/test-app.ts'
import type { App } from '#src/app.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const create = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/applications', payload: payload as object, headers })

const counts = async () => ({
  applications: await app.prisma.application.count(),
  events: await app.prisma.applicationEvent.count(),
})

describe('POST /api/applications', () => {
  it('gives this browser an HttpOnly session cookie scoped to the API, holding no id', async () => {
    const response = await create({ flow: 'FIRST_TIME' })
    const cookie = response.cookies.find((c) => c.name === 'kakunin_applicant')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api' })
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(cookie!.value).not.toContain(response.json().id)
    const stored = await app.prisma.applicantSession.findFirst({ where: { applicationId: response.json().id } })
    expect(stored!.tokenHash).not.toBe(cookie!.value)
    expect(stored!.expiresAt.getTime()).toBeGreaterThan(Date.now())
  })

  it('creates a DRAFT with a reference number and records who created it', async () => {
    const response = await create({ flow: 'FIRST_TIME' })
    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body).toMatchObject({ flow: 'FIRST_TIME', status: 'DRAFT', version: 1 })
    expect(body.reference).toMatch(referencePattern)

    const events = await app.prisma.applicationEvent.findMany({ where: { applicationId: body.id } })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      type: 'CREATED',
      actorType: 'APPLICANT',
      fromStatus: null,
      toStatus: 'DRAFT',
      data: { flow: 'FIRST_TIME' },
    })
  })

  it('creates the already-verified flow too', async () => {
    const response = await create({ flow: 'LINK_VERIFIED' })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ flow: 'LINK_VERIFIED', status: 'DRAFT' })
  })

  it('hands out distinct, consecutive reference numbers to concurrent requests', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => create({ flow: 'FIRST_TIME' })))
    expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(201))
    const sequences = responses.map((r) => Number(r.json().reference.split('-')[2])).sort((a, b) => a - b)
    expect(new Set(sequences).size).toBe(12)
    expect(sequences.at(-1)! - sequences[0]!).toBe(11)
  })

  it('never returns fields its schema does not declare', async () => {
    const body = (await create({ flow: 'FIRST_TIME' })).json()
    expect(Object.keys(body).sort()).toEqual([
      'answers',
      'createdAt',
      'denial',
      'drafts',
      'enhancedReview',
      'flow',
      'id',
      'ownerConfirmation',
      'reference',
      'resumeAt',
      'status',
      'submittedAt',
      'updatedAt',
      'version',
    ])
    expect(body).toMatchObject({ answers: {}, resumeAt: 'type', submittedAt: null, denial: null, ownerConfirmation: null, enhancedReview: null })
  })
})

describe('bad input to POST /api/applications', () => {
  it.each([
    ['a missing flow', {}, { flow: '取引時確認済みのAccount SIDをお持ちかどうか選択してください' }],
    ['an unknown flow', { flow: 'CORPORATE' }, { flow: '取引時確認済みのAccount SIDをお持ちかどうか選択してください' }],
    ['a wrongly typed flow', { flow: 42 }, { flow: '取引時確認済みのAccount SIDをお持ちかどうか選択してください' }],
    ['a field the client may not set', { flow: 'FIRST_TIME', status: 'APPROVED' }, { status: 'この項目は受け付けていません' }],
    ['an array instead of an object', [1], { _: 'オブジェクトで入力してください' }],
  ])('answers %s with 400, field errors in Japanese, and writes nothing', async (_, payload, fields) => {
    const before = await counts()
    const response = await create(payload)
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/入力内容/), fields },
    })
    expect(await counts()).toEqual(before)
  })

  it('answers malformed JSON with 400 in the error shape', async () => {
    const before = await counts()
    const response = await create('{"flow":', { 'content-type': 'application/json' })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.any(String) } })
    expect(await counts()).toEqual(before)
  })

  it('answers a form-encoded body with 415 in the error shape', async () => {
    const response = await create('flow=FIRST_TIME', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(response.statusCode).toBe(415)
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers an oversized body with 413 and writes nothing', async () => {
    const before = await counts()
    const response = await create({ flow: 'FIRST_TIME', padding: 'x'.repeat(2 * 1024 * 1024) })
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE')
    expect(await counts()).toEqual(before)
  })
})
