import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { regexes } from 'zod/v4/core'

// Every response the API suite receives through `inject` is checked against the operation the
// OpenAPI document declares for it: the status must be declared, a body-less answer must have no
// body, the media type must be one the operation lists, and a JSON body (each line of JSON Lines)
// must validate against the declared schema. Mismatches are recorded and fail the test that ran
// (contract-setup.ts), since an error thrown here would reach whatever code made the request.

type Json = Record<string, unknown>
interface OpenApiDocument {
  paths: Record<string, Record<string, Json>>
  components?: { schemas?: Record<string, unknown> }
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void
const BASE = 'https://kakunin.invalid/components/schemas/'
const METHODS = ['get', 'put', 'post', 'delete', 'patch']

interface Route {
  method: string
  path: string
  pattern: RegExp
  literals: number
  operation: Json
}

/** The document compiled for checking: operations by path pattern, schemas compiled on first use. */
export class Contract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
  private readonly routes: Route[]
  private readonly validators = new Map<string, ValidateFunction>()

  constructor(document: OpenApiDocument) {
    addFormats(this.ajv)
    // `format` is an annotation in JSON Schema 2020-12; zod writes `email` beside its own pattern,
    // which is the rule (it accepts `+-@example-.jp`, which ajv-formats' RFC-style email refuses).
    // Checked here as the API defines it, the pattern being asserted too.
    this.ajv.addFormat('email', regexes.email)
    this.ajv.addFormat('binary', true)
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) this.ajv.addSchema(absoluteRefs(schema) as Json, `${BASE}${name}`)
    this.routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, operation]) => {
          const segments = path.split('/')
          const pattern = new RegExp(`^${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : escape(s))).join('/')}$`)
          return { method: method.toUpperCase(), path, pattern, literals: segments.filter((s) => !s.startsWith('{')).length, operation }
        }),
    )
  }

  /** The operation a request reached, the most literal path first (`/applications/current` before `/applications/{id}`). */
  private routeOf(method: string, url: string) {
    const path = url.split('?')[0]!
    return this.routes.filter((route) => route.method === method && route.pattern.test(path)).sort((a, b) => b.literals - a.literals)[0]
  }

  /** What is wrong with a response, or nothing. Requests outside the document (the SPA, /docs) are not checked. */
  mismatch(method: string, url: string, response: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }): string | undefined {
    const route = this.routeOf(method, url)
    if (!route) return undefined
    const responses = (route.operation.responses ?? {}) as Record<string, Json>
    const status = String(response.statusCode)
    const declared = responses[status] ?? responses[`${status[0]}XX`]
    const name = `${route.method} ${route.path} → ${status}`
    if (!declared) return `${name}: status not declared (declared: ${Object.keys(responses).join(', ')})`
    const content = declared.content as Record<string, { schema?: unknown }> | undefined
    const body = decoded(response.rawPayload, response.headers['content-encoding'])
    if (!content) return body.length === 0 ? undefined : `${name}: declared without a body, answered ${body.length} bytes`
    const mediaType = String(response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    const entry = content[mediaType]
    if (!entry) return `${name}: media type "${mediaType}" not declared (declared: ${Object.keys(content).join(', ')})`
    if (!entry.schema || (mediaType !== 'application/json' && mediaType !== 'application/x-ndjson')) return undefined
    const validate = this.validator(`${route.method} ${route.path} ${status} ${mediaType}`, entry.schema)
    const text = body.toString('utf8')
    const values = mediaType === 'application/json' ? [text] : text.split('\n').filter((line) => line.length > 0)
    for (const value of values) {
      let parsed: unknown
      try {
        parsed = JSON.parse(value)
      } catch {
        return `${name}: body is not JSON: ${value.slice(0, 200)}`
      }
      if (!validate(parsed)) {
        const errors = (validate.errors ?? [])
          .slice(0, 5)
          .map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)} (value: ${JSON.stringify(at(parsed, error.instancePath))?.slice(0, 120)})`)
        return `${name}: body does not match the schema: ${errors.join('; ')}\n  body: ${value.slice(0, 500)}`
      }
    }
    return undefined
  }

  private validator(key: string, schema: unknown) {
    let validate = this.validators.get(key)
    if (!validate) {
      validate = this.ajv.compile(absoluteRefs(schema) as Json)
      this.validators.set(key, validate)
    }
    return validate
  }
}

/** The value at a JSON Pointer, for the message. */
const at = (value: unknown, pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Json)[key] : undefined), value)

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const absoluteRefs = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${BASE}`)) as unknown

function decoded(payload: Buffer, encoding: unknown) {
  if (encoding === 'gzip') return gunzipSync(payload)
  if (encoding === 'br') return brotliDecompressSync(payload)
  if (encoding === 'deflate') return inflateSync(payload)
  return payload
}

const mismatches: string[] = []

/** The mismatches recorded since the last call (contract-setup.ts fails the running test with them). */
export function takeContractMismatches() {
  return mismatches.splice(0)
}

// Apps built with the same routes produce the same document: compile it once per test file.
const contracts = new Map<string, Contract>()

function contractOf(app: FastifyInstance): Contract | undefined {
  if (typeof app.swagger !== 'function') return undefined
  const text = JSON.stringify(app.swagger())
  let contract = contracts.get(text)
  if (!contract) {
    contract = new Contract(JSON.parse(text) as OpenApiDocument)
    contracts.set(text, contract)
  }
  return contract
}

/** Wraps `app.inject` (the promise form) so that every response is checked against the app's own document. */
export function checkedAgainstContract<T extends FastifyInstance>(app: T): T {
  const raw = app.inject as unknown as (...args: unknown[]) => unknown
  const original = app.inject.bind(app) as (options: InjectOptions | string) => Promise<LightMyRequestResponse>
  let contract: Contract | undefined | null = null
  const inject = (options?: InjectOptions | string, callback?: unknown) => {
    if (options === undefined || callback !== undefined) return raw.call(app, options, callback)
    return original(options).then((response) => {
      contract ??= contractOf(app)
      const method = (typeof options === 'string' ? 'GET' : (options.method ?? 'GET')).toUpperCase()
      const url = typeof options === 'string' ? options : String(options.url ?? options.path ?? '/')
      const problem = contract?.mismatch(method, url, response)
      if (problem) mismatches.push(problem)
      return response
    })
  }
  Object.defineProperty(app, 'inject', { value: inject, configurable: true, writable: true })
  return app
}
