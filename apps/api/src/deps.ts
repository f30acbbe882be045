import type pg from 'pg'
import type { Prisma } from './db/prisma-plugin.ts'
import type { VerdictMailSettings } from './email/verdict-email.ts'
import type { ProviderRegistry } from './verification/provider-registry.ts'
import type { RateLimits } from './http/rate-limit/rate-limits.ts'

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
    /** An applicant session's absolute lifetime (SESSION_MAX_HOURS); its cookie expires with it. */
    sessionMaxHours: number
    /** The origin a phone reaches this service at: PUBLIC_BASE_URL (this machine in development and test). */
    publicBaseUrl: string
    /** Every request and email limit (counted in PostgreSQL, shared by all instances). */
    rateLimits: RateLimits
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps
  }
}
