import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { SESSION_COOKIE } from '#src/applicant-session/applicant-session.ts'
import { TRUSTDOCK_SIGNATURE_HEADER } from '#src/verification/trustdock/trustdock-provider.ts'
import { registerOpenApiComponents } from './openapi-components.ts'
import { OPERATIONS, TAGS, type Access } from './openapi-operations.ts'
import { schemaOverride } from './openapi-schema-forms.ts'
import { SIGNATURE_HEADER } from './webhook-signature.ts'

type RouteTransform = NonNullable<FastifyDynamicSwaggerOptions['transform']>
type ObjectTransform = NonNullable<FastifyDynamicSwaggerOptions['transformObject']>
type Json = Record<string, unknown>

const ERROR_REF = { $ref: '#/components/schemas/ErrorResponse' }

const STATUS_DESCRIPTIONS: Record<string, string> = {
  200: 'OK',
  201: '作成しました',
  202: '受け付けました',
  204: '本文なし',
  400: '入力内容の誤り（fields に項目ごとのメッセージ）',
  401: 'APIキーがない、または無効',
  403: '権限がない、またはこのサービス以外のページからの送信',
  404: '見つからない（他の申し込み、使えないリンクも同じ）',
  409: '現在の状態ではできない、または古い version',
  413: '本文またはファイルが大きすぎる',
  414: 'パスのパラメータが長すぎる（100文字まで）',
  415: 'Content-Type が受け付けられない',
  429: '回数の上限（Retry-After）',
  503: 'データベースに接続できない（Retry-After）',
}

export const SECURITY_SCHEMES = {
  applicantSession: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: '申込者のセッション（HttpOnly。お申し込みの作成または続きから入力するリンクで発行され、そのお申し込み1件に限る）',
  },
  staffKey: { type: 'http', scheme: 'bearer', description: '職員のAPIキー（kk_…）。役割: viewer, reviewer, compliance, admin' },
  metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN（/metrics。本番では必須）' },
  sandboxSignature: {
    type: 'apiKey',
    in: 'header',
    name: SIGNATURE_HEADER,
    description: 'サンドボックスeKYCのWebhook署名: t=<ミリ秒>,v1=HMAC-SHA256(secret, "t.body")（5分以内）',
  },
  trustdockSignature: { type: 'apiKey', in: 'header', name: TRUSTDOCK_SIGNATURE_HEADER, description: 'TRUSTDOCK の Webhook 署名' },
} as const

const SECURITY: Record<Access, Json[]> = {
  public: [],
  applicant: [{ applicantSession: [] }],
  'applicant-optional': [{}, { applicantSession: [] }],
  staff: [{ staffKey: [] }],
  provider: [{ sandboxSignature: [] }, { trustdockSignature: [] }],
}

/** `/api/applications/:id` as the document writes it: `/api/applications/{id}`. */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

const errorContent = (status: string) => ({ description: STATUS_DESCRIPTIONS[status] ?? 'エラー', content: { 'application/json': { schema: ERROR_REF } } })

/** A response as @fastify/swagger takes it, with a description and, unless it has no body, its media type. */
function described(status: string, response: Json): Json {
  const description = STATUS_DESCRIPTIONS[status] ?? 'OK'
  if (response.type === 'null') return { type: 'null', description }
  if ('content' in response) return { description, ...response }
  return { description, content: { 'application/json': { schema: response } } }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * The route transform: requests documented as zod's input, responses as its output (two passes
 * of fastify-type-provider-zod, each with its own override, since zod's override is not told which
 * side it writes), then each operation's id, summary, tag, security, upload body and the error
 * answers the shared hooks give (cross-site 403, 415, 413, 404 and 414 of a path parameter, 401, 503) in the one error shape.
 */
export function openApiRouteTransform(): RouteTransform {
  registerOpenApiComponents()
  const requests = createJsonSchemaTransform({ skipList: [], zodToJsonConfig: { override: schemaOverride('input') } })
  const responses = createJsonSchemaTransform({ skipList: [], zodToJsonConfig: { override: schemaOverride('output') } })
  return (input) => {
    const request = requests(input) as unknown as { schema: Json; url: string }
    if (request.schema?.hide) return request
    const response = responses(input) as unknown as { schema: Json | undefined }
    const method = (Array.isArray(input.route.method) ? input.route.method[0] : input.route.method) as string
    const operation = OPERATIONS[`${method} ${openApiPath(input.url)}`]
    const schema: Json = { ...request.schema, response: {} }
    const declared = Object.entries((response.schema?.response ?? {}) as Record<string, Json>)
    const out = schema.response as Record<string, Json>
    for (const [status, value] of declared) out[status] = described(status, value)

    const consumes = (input.schema?.consumes as string[] | undefined) ?? []
    if (consumes.includes('multipart/form-data')) {
      schema.body = {
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { file: { type: 'string', format: 'binary', description: '画像（JPEG、PNG、HEIC、WebP）またはPDF、10 MB まで' } },
              required: ['file'],
            },
          },
        },
      }
    }
    if (operation?.access === 'provider' && !schema.body) {
      // Kept raw by the route: the signature covers the exact bytes, in each vendor's own format.
      schema.body = { content: { 'application/json': { schema: { type: 'object', description: '事業者ごとの形式の通知（署名は本文のバイト列に対するもの）' } } } }
    }
    if (operation?.binary) {
      out['200'] = { description: 'ファイルの内容', content: Object.fromEntries(operation.binary.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }
    }

    const success = Object.keys(out).find((status) => status.startsWith('2'))
    if (operation?.session && success) {
      const description =
        operation.session === 'opens'
          ? `${SESSION_COOKIE}: 申込者のセッション（HttpOnly、SameSite=Lax、Path=/api、本番では Secure）`
          : `${SESSION_COOKIE} の削除（セッションの終了）`
      out[success] = { ...out[success], headers: { 'set-cookie': { type: 'string', description } } }
    }

    const add = (status: string) => (out[status] ??= errorContent(status))
    // A write's body is parsed before any route runs (malformed JSON is 400), with or without a schema.
    if (schema.params || schema.querystring || schema.body || WRITE_METHODS.has(method)) add('400')
    // The router refuses a path parameter over its length limit before the route runs, and an
    // empty one (`/api/resume//renew`) matches no route: the not-found handler's 404.
    if (input.url.includes(':')) ['404', '414'].forEach(add)
    if (WRITE_METHODS.has(method)) ['403', '413', '415'].forEach(add)
    if (operation?.access === 'staff') ['401', '403'].forEach(add)
    add('503')

    if (operation) {
      schema.operationId = operation.operationId
      schema.summary = operation.summary
      schema.tags = [operation.tag]
      schema.security = SECURITY[operation.access]
    }
    return { schema, url: request.url }
  }
}

/** Every `$ref` reachable from a node (components included, as they are reached). */
function collectRefs(node: unknown, components: Json, seen: Set<string>) {
  if (Array.isArray(node)) return node.forEach((item) => collectRefs(item, components, seen))
  if (node === null || typeof node !== 'object') return
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      const name = value.slice('#/components/schemas/'.length)
      if (!seen.has(name)) {
        seen.add(name)
        collectRefs(components[name], components, seen)
      }
    } else collectRefs(value, components, seen)
  }
}

/**
 * The document: request-side components (`…Input`) from the input pass, the others from the
 * output pass, only those an operation reaches; the security schemes, tags and server.
 */
export function openApiObjectTransform(): ObjectTransform {
  const requests = createJsonSchemaTransformObject({ zodToJsonConfig: { override: schemaOverride('input') } })
  const responses = createJsonSchemaTransformObject({ zodToJsonConfig: { override: schemaOverride('output') } })
  return (input) => {
    const schemasOf = (document: unknown) => ((document as { components?: { schemas?: Json } }).components?.schemas ?? {})
    const fromRequests = schemasOf(requests(input))
    const fromResponses = schemasOf(responses(input))
    const all: Json = {
      ...Object.fromEntries(Object.entries(fromResponses).filter(([name]) => !name.endsWith('Input'))),
      ...Object.fromEntries(Object.entries(fromRequests).filter(([name]) => name.endsWith('Input'))),
    }
    const document = { ...('openapiObject' in input ? input.openapiObject : {}) } as Json
    const used = new Set<string>()
    collectRefs(document.paths, all, used)
    const schemas = Object.fromEntries(Object.keys(all).filter((name) => used.has(name)).sort().map((name) => [name, all[name]]))
    return {
      ...document,
      servers: [{ url: '/', description: 'このサービス自身（画面と同じオリジン）' }],
      tags: TAGS.map((tag) => ({ ...tag })),
      components: { ...(document.components as Json | undefined), securitySchemes: SECURITY_SCHEMES, schemas },
    } as ReturnType<ObjectTransform>
  }
}
