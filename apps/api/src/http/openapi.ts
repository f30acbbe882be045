import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { openApiObjectTransform, openApiRouteTransform, SECURITY_SCHEMES } from './openapi-transform.ts'

/**
 * Swagger UI's own policy: its three scripts and two stylesheets are files under /docs/static
 * (no inline script), it fetches /docs/json from here, and its images are data: URLs. Its React
 * components render a few <style> elements (the Swagger logo's SVG): those are allowed by their
 * hashes, read from the installed bundle so that an upgrade keeps matching, not by 'unsafe-inline'.
 * The validator badge is off: it would load an image from validator.swagger.io with our document.
 */
export function docsContentSecurityPolicy(inlineStyles: readonly string[] = swaggerUiInlineStyles()) {
  const hashes = inlineStyles.map((style) => `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`)
  return [
    "default-src 'none'",
    "script-src 'self'",
    ["style-src 'self'", ...hashes].join(' '),
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The text of every `createElement("style", null, "…")` in Swagger UI's bundles. */
export function swaggerUiInlineStyles() {
  const staticDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')), 'static')
  const styles = new Set<string>()
  for (const file of ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']) {
    const source = fs.readFileSync(path.join(staticDir, file), 'utf8')
    for (const [, literal = '""'] of source.matchAll(/createElement\("style",null,("(?:[^"\\]|\\.)*")\)/g)) styles.add(JSON.parse(literal) as string)
  }
  return [...styles]
}

/**
 * OpenAPI generated from the same zod schemas the routes validate with; Swagger UI at /docs and
 * the document at /docs/json. Registered only with DOCS_ENABLED (off in production by default).
 */
export const openApi = fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      // 3.1: its schemas are JSON Schema 2020-12, what zod writes and Ajv checks without conversion.
      openapi: '3.1.0',
      info: {
        title: 'kakunin API',
        description:
          '取引時確認（犯罪収益移転防止法）: applicant, staff and webhook endpoints. Requests are documented as the shared zod schemas accept them, responses as they answer. Every 4xx/5xx is ErrorResponse: { error: { code, message, fields? } }.',
        version: '1.0.0',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: openApiRouteTransform(),
    transformObject: openApiObjectTransform(),
  })
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: docsContentSecurityPolicy(), uiConfig: { validatorUrl: null } })
}, { name: 'openapi' })
