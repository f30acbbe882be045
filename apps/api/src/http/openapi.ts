import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/** OpenAPI generated from the same zod schemas the routes validate with; Swagger UI at /docs. */
export const openApi = fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'kakunin API',
        description: '取引時確認（犯罪収益移転防止法）: applicant, staff and webhook endpoints. Errors: { error: { code, message, fields? } }.',
        version: '1.0.0',
      },
      components: { securitySchemes: { staffKey: { type: 'http', scheme: 'bearer', description: 'Staff API key (kk_…)' } } },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
}, { name: 'openapi' })
