import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { buildTestApp } from '#src/test/test-app.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('the OpenAPI document', () => {
  it('documents the staff read with its events typed by the catalogue', async () => {
    const response = await app.inject({ url: '/docs/json' })
    expect(response.statusCode).toBe(200)
    const document = response.json()
    const detail = document.paths['/api/staff/applications/{id}'].get.responses['200'].content['application/json'].schema
    const events = detail.properties.events.items
    const variants: { properties: { type: { const?: string; enum?: string[] } } }[] = events.oneOf ?? events.anyOf
    const types = variants.map((variant) => variant.properties.type.const ?? variant.properties.type.enum?.[0])
    expect(types).toEqual(expect.arrayContaining(['CREATED', 'SUBMITTED', 'DECIDED', 'TRANSITION_REFUSED', 'OWNER_CONFIRMATION_REQUESTED']))
    expect(document.paths['/api/owner-confirmations/{token}/confirm']).toBeDefined()
    expect(document.paths['/api/staff/applications/{id}/external-verifications']).toBeDefined()
  })
})
