import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from '@kakunin/schema/zod'

/**
 * What the SPA may know of the configuration: the domain our emails come from, which applicants
 * are told to allow (迷惑メール対策, as the help article advises).
 */
export const publicConfigRoutes: FastifyPluginAsyncZod<{ mailFromAddress: string }> = async (app, { mailFromAddress }) => {
  const body = { mailDomain: mailFromAddress.split('@')[1] ?? mailFromAddress }
  app.get('/config', { schema: { response: { 200: z.object({ mailDomain: z.string() }) } } }, async () => body)
}
