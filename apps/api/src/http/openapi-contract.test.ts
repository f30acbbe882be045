import SwaggerParser from '@apidevtools/swagger-parser'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { Contract } from '#src/test/contract.ts'
import { buildTestApp } from '#src/test/test-app.ts'

// The served document is valid OpenAPI, lints clean under Redocly's `recommended` rules, names
// every operation, and says what the API really takes and answers. That every response of the
// suite matches it is checked on each inject (test/contract.ts).

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed OpenAPI document, walked by key

let app: App
let document: Json
beforeAll(async () => {
  app = await buildTestApp({ env: { STATUS_WEBHOOK_URL: 'https://provisioning.invalid/kakunin', STATUS_WEBHOOK_SECRET: 'contract-test-status-webhook-secret-0123456789' } })
  document = (await app.inject({ url: '/docs/json' })).json()
})
afterAll(() => app.close())

const operations = () =>
  Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, method, path, operation })),
  )

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 (swagger-parser)', async () => {
    expect(document.openapi).toBe('3.1.0')
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined()
  })

  it("has no error under Redocly's recommended rules", async () => {
    const config = await createConfig({ extends: ['recommended'] })
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config })
    const errors = problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`)
    expect(errors).toEqual([])
  })

  it('names every operation: a unique camelCase operationId, a summary, a declared tag and its security', () => {
    const tags = new Set((document.tags as { name: string }[]).map((tag) => tag.name))
    const ids = new Set<string>()
    for (const { name, operation } of operations()) {
      expect(operation.operationId, name).toMatch(/^[a-z][A-Za-z0-9]*$/)
      expect(ids.has(operation.operationId), `${name}: ${operation.operationId} twice`).toBe(false)
      ids.add(operation.operationId)
      expect(operation.summary, name).toBeTruthy()
      expect(operation.tags?.length, name).toBe(1)
      expect(tags.has(operation.tags[0]), name).toBe(true)
      expect(Array.isArray(operation.security), name).toBe(true)
    }
    expect(ids.size).toBeGreaterThanOrEqual(60)
  })

  it('states what each route really requires: the cookie, the staff key, the signature, or nothing', () => {
    const schemes = document.components.securitySchemes
    expect(schemes.applicantSession).toEqual(expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'kakunin_applicant' }))
    expect(schemes.staffKey).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }))
    expect(schemes.sandboxSignature).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-kakunin-signature' }))
    const security = (name: string) => operations().find((operation) => operation.name === name)!.operation.security
    expect(security('POST /api/applications')).toEqual([])
    expect(security('PUT /api/applications/{id}/steps/user')).toEqual([{ applicantSession: [] }])
    expect(security('GET /api/applications/current')).toEqual([{}, { applicantSession: [] }])
    expect(security('GET /api/resume/{token}')).toEqual([])
    expect(security('POST /api/webhooks/ekyc/{provider}')).toEqual([{ sandboxSignature: [] }, { trustdockSignature: [] }])
    for (const { name, path, operation } of operations()) if (path.startsWith('/api/staff/')) expect(operation.security, name).toEqual([{ staffKey: [] }])
    // Where the session comes from: the answers that set the cookie say so.
    expect(document.paths['/api/applications'].post.responses['201'].headers['set-cookie'].description).toContain('kakunin_applicant')
    expect(document.paths['/api/resume/{token}'].post.responses['200'].headers['set-cookie']).toBeDefined()
  })

  it('documents requests as clients may send them and responses as the API answers', () => {
    const schemas = document.components.schemas
    // 150-0002, 1500002 and １５００００２ are all accepted; the answer is always 150-0002.
    expect(schemas.AddressInput.properties.postalCode.pattern).toBeUndefined()
    expect(schemas.AddressInput.properties.postalCode['x-after-normalization'].pattern).toBe('^\\d{7}$')
    expect(schemas.Address.properties.postalCode.pattern).toBe('^\\d{3}-\\d{4}$')
    // Kana as typed (ひらがな folds to katakana): the katakana pattern binds only the answer.
    expect(schemas.PersonalDetailsInput.properties.familyNameKana.pattern).toBeUndefined()
    expect(schemas.PersonalDetails.properties.familyNameKana.pattern).toMatch(/\\u30a1/)
    const user = document.paths['/api/applications/{id}/steps/user'].put
    expect(user.requestBody.content['application/json'].schema.properties.values).toEqual({ $ref: '#/components/schemas/PersonalDetailsInput' })
    expect(user.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Application' })
  })

  it('answers every error in the one error shape, and 204 without a body', () => {
    for (const { name, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
        if (Number(status) >= 400) expect(response.content, `${name} ${status}`).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } })
        if (status === '204') expect(response.content, `${name} ${status}`).toBeUndefined()
      }
    }
  })

  it('documents uploads as multipart and files, CSV and JSON Lines by their media types', () => {
    const uploads = operations().filter(({ operation }) => operation.requestBody?.content?.['multipart/form-data'])
    expect(uploads.map(({ name }) => name).sort()).toEqual([
      'POST /api/applications/{id}/agent-evidence/{kind}',
      'POST /api/applications/{id}/review-documents/{kind}',
      'POST /api/sandbox-ekyc/sessions/{token}/uploads/{kind}',
    ])
    for (const { operation } of uploads) {
      expect(operation.requestBody.content['multipart/form-data'].schema.properties.file).toEqual(expect.objectContaining({ type: 'string', format: 'binary' }))
    }
    const document200 = document.paths['/api/staff/applications/{id}/review-documents/{documentId}'].get.responses['200'].content
    expect(Object.keys(document200)).toEqual(expect.arrayContaining(['image/jpeg', 'application/pdf']))
    const record = document.paths['/api/staff/applications/{id}/record'].get.responses['200'].content
    expect(record['application/json'].schema).toEqual({ $ref: '#/components/schemas/VerificationRecordExport' })
    expect(record['text/csv'].schema.type).toBe('string')
    expect(Object.keys(document.paths['/api/staff/records'].get.responses['200'].content)).toEqual(['application/x-ndjson', 'text/csv'])
  })
})

describe('the contract check of responses', () => {
  const response = (statusCode: number, body: unknown, contentType = 'application/json; charset=utf-8') => ({
    statusCode,
    headers: body === undefined ? {} : { 'content-type': contentType },
    rawPayload: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
  })

  it('refuses an undeclared status, a body on a 204, another media type and a body off the schema', () => {
    const contract = new Contract(document as never)
    const url = '/api/applications/00000000-0000-4000-8000-000000000000'
    expect(contract.mismatch('GET', url, response(404, { error: { code: 'NOT_FOUND', message: 'x' } }))).toBeUndefined()
    expect(contract.mismatch('GET', url, response(418, { error: { code: 'NOT_FOUND', message: 'x' } }))).toMatch(/status not declared/)
    expect(contract.mismatch('GET', url, response(404, { message: 'x' }))).toMatch(/does not match/)
    expect(contract.mismatch('GET', url, response(404, { error: { code: 'NOT_FOUND', message: 'x' } }, 'text/html'))).toMatch(/media type/)
    expect(contract.mismatch('POST', '/api/session/logout', response(204, undefined))).toBeUndefined()
    expect(contract.mismatch('POST', '/api/session/logout', response(204, {}))).toMatch(/without a body/)
    // The static path wins over the parameter: /current is its own operation.
    expect(contract.mismatch('GET', '/api/applications/current', response(204, undefined))).toBeUndefined()
  })
})
