import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { publicConfigResponse, type PublicConfig } from '@kakunin/schema/public-config'
import type { Config } from '#src/config/config.ts'

type PublicConfigSource = Pick<Config, 'MAIL_FROM_ADDRESS' | 'OPERATOR_NAME' | 'OPERATOR_URL' | 'PRIVACY_POLICY_URL' | 'SUPPORT_EMAIL'>

/**
 * What the SPA may know of the configuration: the domain our emails come from, which applicants
 * are told to allow (迷惑メール対策, as the help article advises), and the operator every page names.
 */
export const publicConfigRoutes: FastifyPluginAsyncZod<{ config: PublicConfigSource }> = async (app, { config }) => {
  const body: PublicConfig = {
    mailDomain: config.MAIL_FROM_ADDRESS.split('@')[1] ?? config.MAIL_FROM_ADDRESS,
    operator: {
      name: config.OPERATOR_NAME,
      url: config.OPERATOR_URL,
      supportEmail: config.SUPPORT_EMAIL,
      privacyPolicyUrl: config.PRIVACY_POLICY_URL ?? null,
    },
  }
  app.get('/config', { schema: { response: { 200: publicConfigResponse } } }, async () => body)
}
