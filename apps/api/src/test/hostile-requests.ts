import fc from 'fast-check'
import type { StaffRole } from '@kakunin/schema/staff'
import { STAFF_ROLES } from '@kakunin/schema/staff'
import { hostileBodyText, hostilePiece, hostileString, hostileUrlText, percentEncode, stringifyJson } from './hostile-values.ts'
import { mutated, mutatedLeaf, mutatedValue, schemaValue, type Hints, type JsonSchema } from './json-schema-values.ts'

/** One operation of the OpenAPI document: what a request to it may carry. */
export interface Operation {
  name: string
  method: string
  path: string
  parameters: { in: string; name: string; schema: JsonSchema }[]
  body: JsonSchema | undefined
  multipart: boolean
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content: Record<string, { schema?: JsonSchema }> } }>>
}

/** Every operation the document lists; uploads are those whose body is multipart/form-data. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const name = `${method.toUpperCase()} ${path}`
      const content = operation.requestBody?.content ?? {}
      return {
        name,
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      }
    }),
  )
}

export type Credential =
  | { kind: 'none' }
  | { kind: 'applicant'; label: string; variant: 'real' | 'tampered' | 'twice' | 'empty' }
  | { kind: 'staff'; role: StaffRole; variant: 'real' | 'unknown' | 'no-scheme' | 'basic' | 'long' | 'lower-case' }
  /** The bearer token of /metrics (METRICS_TOKEN). */
  | { kind: 'metrics'; variant: 'real' | 'wrong' | 'no-scheme' }

/** Operations behind the metrics token rather than a session or a staff key. */
const METRICS_PATH = '/metrics'

export type Origin = 'none' | 'same-origin' | 'cross-site' | 'null' | 'fetch-site-only'

export interface MultipartPart {
  name: string
  filename: string | undefined
  type: string
  content: 'jpeg' | 'png' | 'pdf' | 'junk' | 'empty' | 'text'
}

export type Body =
  | { kind: 'none'; contentType: string | undefined }
  | { kind: 'json'; value: unknown; contentType: string | undefined; currentVersion: boolean }
  | { kind: 'text'; text: string; contentType: string | undefined }
  | { kind: 'multipart'; parts: MultipartPart[]; boundary: string; truncated: boolean; contentType: string | undefined }
  | { kind: 'webhook'; provider: string; value: unknown; signature: 'valid' | 'stale' | 'other-secret' | 'missing' | 'garbage'; contentType: string | undefined }

/** A request in symbolic form: credentials and the current version are looked up when it is sent. */
export interface HostileRequest {
  operation: string
  method: string
  url: string
  credential: Credential
  origin: Origin
  body: Body
}

/** What the suite's fixtures make real: applicants, staff roles, ids and tokens for path parameters, known field values. */
export interface Targets {
  applicants: readonly { label: string; id: string }[]
  /** The applicants whose application the operation can act on (drafts for step saves…): nearly valid requests use their sessions. */
  actingApplicants(operation: Operation): readonly string[]
  /** Real values for a path parameter of an operation (ids, tokens), or none. */
  pathValues(operation: Operation, parameter: string): readonly string[]
  hints: Hints
  /** Valid bodies of an operation (by name): hostile changes to them pass every rule but the one changed. */
  examples: Readonly<Record<string, readonly unknown[]>>
  /** Webhook payloads by provider name: their JSON Schema, the real references to hit, and valid payloads. */
  webhooks: Readonly<Record<string, { schema: JsonSchema; hints: Hints; examples: readonly unknown[] }>>
  webhookPath: string
}

const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary })

function credentialFor(operation: Operation, targets: Targets): fc.Arbitrary<Credential> {
  const applicant = fc.record({ kind: fc.constant('applicant' as const), label: fc.constantFrom(...targets.applicants.map((a) => a.label)), variant: fc.constant('real' as const) })
  const oddApplicant = fc.record({ kind: fc.constant('applicant' as const), label: fc.constantFrom(...targets.applicants.map((a) => a.label)), variant: fc.constantFrom('tampered' as const, 'twice' as const, 'empty' as const) })
  const staff = fc.record({ kind: fc.constant('staff' as const), role: fc.constantFrom(...STAFF_ROLES), variant: fc.constant('real' as const) })
  const oddStaff = fc.record({
    kind: fc.constant('staff' as const),
    role: fc.constantFrom(...STAFF_ROLES),
    variant: fc.constantFrom('unknown' as const, 'no-scheme' as const, 'basic' as const, 'long' as const, 'lower-case' as const),
  })
  const none = fc.constant({ kind: 'none' as const })
  if (operation.path === METRICS_PATH) {
    const metrics = fc.record({ kind: fc.constant('metrics' as const), variant: fc.constantFrom('real' as const, 'wrong' as const, 'no-scheme' as const) })
    return fc.oneof(weighted(6, metrics), weighted(1, staff), weighted(1, none))
  }
  if (operation.path.startsWith('/api/staff/')) return fc.oneof(weighted(10, staff), weighted(2, oddStaff), weighted(1, applicant), weighted(1, none))
  if (operation.path.startsWith('/api/applications/') && operation.path !== '/api/applications') {
    return fc.oneof(weighted(10, applicant), weighted(2, oddApplicant), weighted(1, staff), weighted(1, none))
  }
  return fc.oneof(weighted(4, none), weighted(3, applicant), weighted(1, oddApplicant), weighted(1, staff))
}

const hostileSegment = fc.oneof(
  weighted(3, hostileString.filter((s) => s.length < 20_000).map(percentEncode)),
  weighted(1, hostileUrlText),
)

function pathFor(operation: Operation, targets: Targets, credential: Credential, { realOnly = false } = {}): fc.Arbitrary<string> {
  const params = operation.parameters.filter((p) => p.in === 'path')
  const own = credential.kind === 'applicant' ? targets.applicants.find((a) => a.label === credential.label)?.id : undefined
  const segments = params.map((param) => {
    const real = targets.pathValues(operation, param.name)
    const ownId = own && param.name === 'id' && operation.path.startsWith('/api/applications/')
    if (realOnly) {
      const value = ownId ? fc.constant(own) : real.length > 0 ? fc.constantFrom(...real) : schemaValue(param.schema).map((v) => percentEncode(String(v)))
      return value.map((v) => [param.name, v] as const)
    }
    const options = [
      weighted(2, schemaValue(param.schema).map((value) => percentEncode(String(value)))),
      weighted(3, hostileSegment),
      ...(real.length > 0 ? [weighted(6, fc.constantFrom(...real))] : []),
      ...(ownId ? [weighted(10, fc.constant(own))] : []),
    ]
    return fc.oneof(...options).map((value) => [param.name, value] as const)
  })
  return fc.tuple(...segments).map((pairs) => pairs.reduce((path, [name, value]) => path.replace(`{${name}}`, value), operation.path))
}

function queryFor(operation: Operation, hints: Hints, { nearlyValid = false } = {}): fc.Arbitrary<string> {
  const params = operation.parameters.filter((p) => p.in === 'query')
  if (nearlyValid) {
    // Valid values, now and then one with an odd character inside.
    const value = (schema: JsonSchema, name: string) =>
      fc.tuple(schemaValue(schema, hints, [name]), fc.oneof(weighted(3, fc.constant(null)), weighted(1, fc.tuple(hostilePiece, fc.nat())))).map(([v, taint]) => {
        const text = String(v)
        return percentEncode(taint ? `${text.slice(0, taint[1] % (text.length + 1))}${taint[0]}${text.slice(taint[1] % (text.length + 1))}` : text)
      })
    const present = (param: Operation['parameters'][number]) =>
      fc.oneof(weighted(2, fc.constant(null)), weighted(1, value(param.schema, param.name).map((v) => `${param.name}=${v}`)))
    return fc.tuple(...params.map(present)).map((pairs) => pairs.filter((p) => p !== null).join('&'))
  }
  const value = (schema: JsonSchema, name: string) =>
    fc.oneof(
      weighted(4, schemaValue(schema, hints, [name]).map((v) => percentEncode(String(v)))),
      weighted(3, hostileString.filter((s) => s.length < 20_000).map(percentEncode)),
      weighted(1, hostileUrlText),
    )
  const declared = params.map((param) =>
    fc.option(
      fc.tuple(value(param.schema, param.name), fc.option(value(param.schema, param.name), { freq: 8 })).map(([first, repeated]) =>
        // A repeated parameter arrives as an array where the schema expects one value.
        [`${param.name}=${first}`, ...(repeated === null ? [] : [`${param.name}=${repeated}`])].join('&'),
      ),
      { freq: 2 },
    ),
  )
  const extra = fc.option(fc.tuple(hostileString.filter((s) => s.length < 2_000).map(percentEncode), hostileUrlText).map(([k, v]) => `${k}=${v}`), { freq: 6 })
  return fc.tuple(fc.tuple(...declared), extra).map(([pairs, added]) => [...pairs, added].filter((p) => p !== null).join('&'))
}

const jsonContentType = fc.oneof(
  weighted(20, fc.constant('application/json')),
  weighted(2, fc.constant('application/json; charset=utf-8')),
  weighted(1, fc.constantFrom(
    'APPLICATION/JSON', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/json;;', 'application/vnd.api+json',
    'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream',
    'text/html', '*/*', 'json', 'application/json, text/plain',
  )),
  weighted(1, fc.constant(undefined)),
)

/** Values from the schema and from valid examples, most with hostile changes. */
function bodyValue(schema: JsonSchema, hints: Hints, examples: readonly unknown[]): fc.Arbitrary<unknown> {
  const fromSchema = [weighted(2, schemaValue(schema, hints)), weighted(4, mutatedValue(schema, hints))]
  if (examples.length === 0) return fc.oneof(...fromSchema)
  const example = fc.constantFrom(...examples)
  return fc.oneof(...fromSchema, weighted(2, example), weighted(8, mutated(example)))
}

function jsonBody(operation: Operation, targets: Targets): fc.Arbitrary<Body> {
  const schema = operation.body ?? { type: 'object', properties: {} }
  const valueArb = bodyValue(schema, targets.hints, targets.examples[operation.name] ?? [{}])
  return fc.oneof(
    weighted(10, fc.record({ kind: fc.constant('json' as const), value: valueArb, contentType: jsonContentType, currentVersion: fc.oneof(weighted(4, fc.constant(true)), weighted(1, fc.constant(false))) })),
    weighted(1, fc.record({ kind: fc.constant('text' as const), text: hostileBodyText, contentType: jsonContentType })),
    weighted(1, fc.record({ kind: fc.constant('none' as const), contentType: jsonContentType })),
  )
}

const multipartPart: fc.Arbitrary<MultipartPart> = fc.record({
  name: fc.oneof(weighted(6, fc.constant('file')), weighted(1, fc.constantFrom('files', 'file[]', '', 'document', '__proto__'))),
  filename: fc.oneof(weighted(4, fc.constant('photo.jpg')), weighted(2, hostileString.filter((s) => s.length < 300 && !/[\r\n"]/.test(s))), weighted(1, fc.constant(undefined))),
  type: fc.constantFrom('image/jpeg', 'image/png', 'application/pdf', 'text/plain', 'application/octet-stream', ''),
  content: fc.constantFrom('jpeg', 'jpeg', 'png', 'pdf', 'junk', 'empty', 'text'),
})

function uploadBody(): fc.Arbitrary<Body> {
  return fc.oneof(
    weighted(8, fc.record({
      kind: fc.constant('multipart' as const),
      parts: fc.array(multipartPart, { minLength: 0, maxLength: 3 }),
      boundary: fc.constantFrom('----kakunin-hostile', 'x', 'a'.repeat(70)),
      truncated: fc.constant(false),
      contentType: fc.constant(undefined),
    })),
    weighted(1, fc.record({
      kind: fc.constant('multipart' as const),
      parts: fc.array(multipartPart, { minLength: 1, maxLength: 2 }),
      boundary: fc.constant('----kakunin-hostile'),
      truncated: fc.boolean(),
      contentType: fc.constantFrom(undefined, 'multipart/form-data', 'multipart/form-data; boundary=other', 'multipart/mixed; boundary=----kakunin-hostile', 'application/json'),
    })),
    weighted(1, jsonBodyLike()),
  )
}

const jsonBodyLike = (): fc.Arbitrary<Body> =>
  fc.record({ kind: fc.constant('json' as const), value: fc.constantFrom({}, { file: 'x' }), contentType: jsonContentType, currentVersion: fc.constant(false) })

function webhookBody(targets: Targets): fc.Arbitrary<Body> {
  return fc.constantFrom(...Object.keys(targets.webhooks)).chain((provider) => {
    const { schema, hints, examples } = targets.webhooks[provider]!
    return fc.record({
      kind: fc.constant('webhook' as const),
      provider: fc.constant(provider),
      value: bodyValue(schema, hints, examples),
      signature: fc.oneof(weighted(8, fc.constant('valid' as const)), weighted(1, fc.constantFrom('stale' as const, 'other-secret' as const, 'missing' as const, 'garbage' as const))),
      contentType: fc.oneof(weighted(12, fc.constant('application/json')), weighted(1, jsonContentType)),
    })
  })
}

const origin: fc.Arbitrary<Origin> = fc.oneof(weighted(12, fc.constant('none' as const)), weighted(3, fc.constant('same-origin' as const)), weighted(1, fc.constantFrom('cross-site' as const, 'null' as const, 'fetch-site-only' as const)))

/**
 * Requests that pass every check but at most one: the right credential for the operation (a draft's
 * own session for step saves), real path values, JSON with the current version, and a valid body
 * with one leaf changed, if any. Most hostile values are refused long before a service sees them;
 * these are the ones that reach it.
 */
function nearlyValid(operation: Operation, targets: Targets): fc.Arbitrary<HostileRequest> {
  const applicant = (labels: readonly string[]) => fc.constantFrom(...labels).map((label) => ({ kind: 'applicant' as const, label, variant: 'real' as const }))
  const acting = targets.actingApplicants(operation)
  const credential: fc.Arbitrary<Credential> = operation.path === METRICS_PATH
    ? fc.constant({ kind: 'metrics' as const, variant: 'real' as const })
    : operation.path.startsWith('/api/staff/')
    ? fc.constantFrom(...STAFF_ROLES).map((role) => ({ kind: 'staff' as const, role, variant: 'real' as const }))
    : acting.length > 0
      ? fc.oneof(weighted(4, applicant(acting)), weighted(1, applicant(targets.applicants.map((a) => a.label))))
      : fc.oneof(applicant(targets.applicants.map((a) => a.label)), fc.constant({ kind: 'none' as const }))
  const isWebhook = operation.path === targets.webhookPath
  const examples = targets.examples[operation.name] ?? []
  const schema = operation.body ?? { type: 'object', properties: {} }
  const value = examples.length > 0 ? fc.oneof(weighted(1, fc.constantFrom(...examples)), weighted(3, mutatedLeaf(fc.constantFrom(...examples)))) : bodyValue(schema, targets.hints, [])
  const body: fc.Arbitrary<Body> =
    operation.method === 'GET'
      ? fc.constant({ kind: 'none' as const, contentType: undefined })
      : isWebhook
        ? fc.constantFrom(...Object.keys(targets.webhooks)).chain((provider) => {
            const { examples: payloads } = targets.webhooks[provider]!
            return fc.record({
              kind: fc.constant('webhook' as const),
              provider: fc.constant(provider),
              value: fc.oneof(fc.constantFrom(...payloads), mutatedLeaf(fc.constantFrom(...payloads))),
              signature: fc.constant('valid' as const),
              contentType: fc.constant('application/json'),
            })
          })
        : operation.multipart
          ? fc.record({
              kind: fc.constant('multipart' as const),
              parts: fc.tuple(multipartPart).map(([part]) => [{ ...part, name: 'file' }]),
              boundary: fc.constant('----kakunin-hostile'),
              truncated: fc.constant(false),
              contentType: fc.constant(undefined),
            })
          : fc.record({ kind: fc.constant('json' as const), value, contentType: fc.constant('application/json'), currentVersion: fc.constant(true) })
  return credential.chain((chosen) =>
    fc.record({ path: pathFor(operation, targets, chosen, { realOnly: true }), query: queryFor(operation, targets.hints, { nearlyValid: true }), body }).map(({ path, query, body }) => ({
      operation: operation.name,
      method: operation.method,
      url: query ? `${path}?${query}` : path,
      credential: chosen,
      origin: 'none' as const,
      body,
    })),
  )
}

/** Requests to one operation: half nearly valid, half with anything hostile anywhere. */
export function hostileRequests(operation: Operation, targets: Targets): fc.Arbitrary<HostileRequest> {
  return fc.oneof(nearlyValid(operation, targets), anyHostile(operation, targets))
}

/** Real and broken credentials, real and hostile path and query values, bodies from the schema and examples with hostile changes, odd content types. */
function anyHostile(operation: Operation, targets: Targets): fc.Arbitrary<HostileRequest> {
  const isWebhook = operation.path === targets.webhookPath
  return credentialFor(operation, targets).chain((credential) =>
    fc
      .record({
        path: pathFor(operation, targets, credential),
        query: queryFor(operation, targets.hints),
        origin,
        body:
          operation.method === 'GET'
            ? fc.oneof(weighted(12, fc.constant({ kind: 'none' as const, contentType: undefined })), weighted(1, jsonBody(operation, targets)))
            : isWebhook
              ? fc.oneof(weighted(9, webhookBody(targets)), weighted(1, jsonBody(operation, targets)))
              : operation.multipart
                ? uploadBody()
                : jsonBody(operation, targets),
      })
      .map(({ path, query, origin, body }) => ({
        operation: operation.name,
        method: operation.method,
        url: query ? `${path}?${query}` : path,
        credential,
        origin,
        body,
      })),
  )
}

/** What a symbolic request needs when it is sent. */
export interface Resolver {
  cookie(label: string): string
  staffKey(role: StaffRole): string
  metricsToken: string
  /** The application's version now, for a body that asked for it (so writes get past the 409). */
  currentVersion: number | undefined
  webhookSecret(provider: string): string
  sign(provider: string, secret: string, body: string, now: Date): { header: string; value: string }
  now: Date
  publicOrigin: string
  files: Record<MultipartPart['content'], Buffer>
}

export interface InjectRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  headers: Record<string, string | string[]>
  payload?: string | Buffer
}

function credentialHeaders(credential: Credential, resolve: Resolver): Record<string, string | string[]> {
  switch (credential.kind) {
    case 'none':
      return {}
    case 'applicant': {
      const cookie = resolve.cookie(credential.label)
      const value = {
        real: cookie,
        tampered: `${cookie.slice(0, -2)}${cookie.endsWith('A') ? 'B' : 'A'}${cookie.slice(-1)}`,
        twice: `${cookie}; kakunin_applicant=${cookie.slice(1)}`,
        empty: '',
      }[credential.variant]
      return { cookie: `kakunin_applicant=${value}` }
    }
    case 'staff': {
      const key = resolve.staffKey(credential.role)
      const value = {
        real: `Bearer ${key}`,
        unknown: `Bearer kk_${'A'.repeat(43)}`,
        'no-scheme': key,
        basic: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
        long: `Bearer ${key}${'x'.repeat(6_000)}`,
        'lower-case': `bearer ${key}`,
      }[credential.variant]
      return { authorization: value }
    }
    case 'metrics':
      return { authorization: { real: `Bearer ${resolve.metricsToken}`, wrong: `Bearer ${resolve.metricsToken.slice(1)}x`, 'no-scheme': resolve.metricsToken }[credential.variant] }
  }
}

function originHeaders(origin: Origin, resolve: Resolver): Record<string, string> {
  return {
    none: {},
    'same-origin': { origin: resolve.publicOrigin, 'sec-fetch-site': 'same-origin' },
    'cross-site': { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' },
    null: { origin: 'null' },
    'fetch-site-only': { 'sec-fetch-site': 'same-site' },
  }[origin]
}

function multipartPayload(body: Extract<Body, { kind: 'multipart' }>, resolve: Resolver): Buffer {
  const chunks = body.parts.flatMap((part) => [
    Buffer.from(`--${body.boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`),
    resolve.files[part.content],
    Buffer.from('\r\n'),
  ])
  const whole = Buffer.concat([...chunks, Buffer.from(`--${body.boundary}--\r\n`)])
  return body.truncated ? whole.subarray(0, Math.floor(whole.length / 2)) : whole
}

/** The request as `app.inject` takes it. */
export function toInject(request: HostileRequest, resolve: Resolver): InjectRequest {
  const headers: Record<string, string | string[]> = { ...credentialHeaders(request.credential, resolve), ...originHeaders(request.origin, resolve) }
  const withType = (contentType: string | undefined): Record<string, string> => (contentType === undefined ? {} : { 'content-type': contentType })
  const body = request.body
  const base = { method: request.method as InjectRequest['method'], url: request.url }
  switch (body.kind) {
    case 'none':
      return { ...base, headers: { ...headers, ...withType(body.contentType) } }
    case 'text':
      return { ...base, headers: { ...headers, ...withType(body.contentType) }, payload: body.text }
    case 'json': {
      const value =
        body.currentVersion && resolve.currentVersion !== undefined && isRecord(body.value) && Number.isSafeInteger(body.value.version)
          ? { ...body.value, version: resolve.currentVersion }
          : body.value
      return { ...base, headers: { ...headers, ...withType(body.contentType) }, payload: value === undefined ? '' : stringifyJson(value) }
    }
    case 'multipart':
      return {
        ...base,
        headers: { ...headers, 'content-type': body.contentType ?? `multipart/form-data; boundary=${body.boundary}` },
        payload: multipartPayload(body, resolve),
      }
    case 'webhook': {
      const text = body.value === undefined ? '' : stringifyJson(body.value)
      const secret = body.signature === 'other-secret' ? 'another-secret-that-is-long-enough-000000' : resolve.webhookSecret(body.provider)
      const now = body.signature === 'stale' ? new Date(resolve.now.getTime() - 3_600_000) : resolve.now
      const signed = resolve.sign(body.provider, secret, text, now)
      const signature =
        body.signature === 'missing' ? {} : { [signed.header]: body.signature === 'garbage' ? `t=${now.getTime()},v1=zz${signed.value.slice(2)}` : signed.value }
      return { ...base, headers: { ...headers, ...withType(body.contentType), ...signature }, payload: text }
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
