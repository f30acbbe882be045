import SwaggerParser from '@apidevtools/swagger-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { buildTestApp } from '#src/test/test-app.ts'

let app: App
// The document names its shapes (`$ref`); these tests read them resolved.
const resolvedDocument = async () => (await SwaggerParser.dereference((await app.inject({ url: '/docs/json' })).json())) as any // eslint-disable-line @typescript-eslint/no-explicit-any
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('the OpenAPI document', () => {
  it('documents the staff read with its events typed by the catalogue', async () => {
    const response = await app.inject({ url: '/docs/json' })
    expect(response.statusCode).toBe(200)
    const document = await resolvedDocument()
    const detail = document.paths['/api/staff/applications/{id}'].get.responses['200'].content['application/json'].schema
    const events = detail.properties.events.items
    const variants: { properties: { type: { const?: string; enum?: string[] } } }[] = events.oneOf ?? events.anyOf
    const types = variants.map((variant) => variant.properties.type.const ?? variant.properties.type.enum?.[0])
    expect(types).toEqual(expect.arrayContaining(['CREATED', 'SUBMITTED', 'DECIDED', 'TRANSITION_REFUSED', 'OWNER_CONFIRMATION_REQUESTED']))
    expect(document.paths['/api/owner-confirmations/{token}/confirm']).toBeDefined()
    expect(document.paths['/api/staff/applications/{id}/external-verifications']).toBeDefined()
  })

  it('documents the 確認記録 routes with the typed record and their media types, no untyped record', async () => {
    const document = await resolvedDocument()
    const content = (path: string) => document.paths[path].get.responses['200'].content
    const single = content('/api/staff/applications/{id}/record')
    expect(Object.keys(single)).toEqual(['application/json', 'text/csv'])
    expect(single['text/csv'].schema).toEqual({ type: 'string' })
    const period = content('/api/staff/records')
    expect(Object.keys(period)).toEqual(['application/x-ndjson', 'text/csv'])
    for (const schema of [single['application/json'].schema, period['application/x-ndjson'].schema]) {
      const [current] = schema.properties.record.anyOf ?? schema.properties.record.oneOf
      expect(current.properties.verifiedBy.description).toBe('取引時確認を行った者（施行規則20条1項1号）')
      expect(current.properties.agent.description).toContain('施行規則20条1項21号')
      // Every part of the current record is typed: no empty schema (unknown) anywhere in it.
      const untyped: string[] = []
      const walk = (node: unknown, path: string) => {
        if (!node || typeof node !== 'object') return
        if (!Array.isArray(node) && Object.keys(node).filter((key) => key !== 'description').length === 0) untyped.push(path)
        for (const [key, inner] of Object.entries(node)) if (key !== 'enum' && key !== 'required') walk(inner, `${path}/${key}`)
      }
      walk(current, 'record')
      expect(untyped).toEqual([])
      expect(current.properties.customerVerification.anyOf?.[0]?.properties?.receivedAt ?? current.properties.customerVerification.properties?.receivedAt).toBeDefined()
    }
  })
})
