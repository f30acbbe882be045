import type pg from 'pg'
import type { Prisma } from './db/prisma-plugin.ts'
import type { VerdictMailSettings } from './email/verdict-email.ts'
import type { ProviderRegistry } from './verification/provider-registry.ts'

/**
 * What every service takes: the database (Prisma, and the same pool for the single-statement hot
 * paths), the mail settings, the eKYC providers, the settings services need, and the one clock.
 * Services take data and this, and return data; routes own HTTP (cookies, status codes).
 */
export interface AppDeps {
  prisma: Prisma
  pool: pg.Pool
  mail: VerdictMailSettings
  providers: ProviderRegistry
  /** The time as the app sees it: services, and the SQL they send, take it from here. */
  clock: () => Date
  settings: {
    resumeHours: number
    confirmationHours: number
    verificationSessionMinutes: number
    /** The origin a phone reaches this service at, when configured (otherwise the request's). */
    publicBaseUrl: string | undefined
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps
  }
}
