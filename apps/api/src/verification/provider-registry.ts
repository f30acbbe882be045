import type { Config } from '#src/config/config.ts'
import type { Prisma } from '#src/db/prisma-plugin.ts'
import type { IdentityVerificationProvider } from './provider.ts'
import { createSandboxProvider, SANDBOX } from './sandbox/sandbox-provider.ts'
import { createTrustdockProvider, TRUSTDOCK } from './trustdock/trustdock-provider.ts'

export type SandboxProvider = ReturnType<typeof createSandboxProvider>

/** The eKYC adapters this process runs with, found by name (the `:provider` of the webhook URL). */
export interface ProviderRegistry {
  /** Opens new verification sessions: the adapter named by EKYC_PROVIDER. */
  readonly active: IdentityVerificationProvider
  /** Every configured adapter; webhooks are accepted for each of them. */
  readonly providers: readonly IdentityVerificationProvider[]
  /** The sandbox adapter when it is configured: its phone pages and reviewer sign with it. */
  readonly sandbox: SandboxProvider | undefined
  /** The configured adapter of that name; undefined for any other name. */
  get(name: string): IdentityVerificationProvider | undefined
}

const TRUSTDOCK_VARIABLES = ['TRUSTDOCK_API_URL', 'TRUSTDOCK_API_TOKEN', 'TRUSTDOCK_PLAN_ID', 'TRUSTDOCK_WEBHOOK_SECRET', 'TRUSTDOCK_APP_URL'] as const

export function createProviderRegistry(
  config: Pick<Config, 'EKYC_PROVIDER' | 'SANDBOX_EKYC_WEBHOOK_SECRET' | (typeof TRUSTDOCK_VARIABLES)[number]>,
  deps: { prisma: Prisma },
): ProviderRegistry {
  // The sandbox only when it is the active provider: never beside a real vendor, and so never in
  // production (the configuration refuses EKYC_PROVIDER=sandbox there).
  const sandbox = config.EKYC_PROVIDER === SANDBOX ? createSandboxProvider({ prisma: deps.prisma, secret: config.SANDBOX_EKYC_WEBHOOK_SECRET }) : undefined
  // A vendor whenever it is fully configured: sessions opened before EKYC_PROVIDER changed still
  // receive their results.
  const trustdock =
    config.EKYC_PROVIDER === TRUSTDOCK || TRUSTDOCK_VARIABLES.every((name) => config[name]) ? createTrustdockProvider(config) : undefined

  const providers = [sandbox, trustdock].filter((provider) => provider !== undefined)
  const byName = new Map<string, IdentityVerificationProvider>(providers.map((provider) => [provider.name, provider]))
  const active = byName.get(config.EKYC_PROVIDER)
  if (!active) throw new Error(`EKYC_PROVIDER=${config.EKYC_PROVIDER} is not configured`)
  return { active, providers, sandbox, get: (name) => byName.get(name) }
}
