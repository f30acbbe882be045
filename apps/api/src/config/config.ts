import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** The repository root, found from this file so that commands work from any working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')

const port = z.coerce.number().int().min(0).max(65535)

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1')

/**
 * Which proxies may tell us the client's address (X-Forwarded-For): a hop count, or the proxies'
 * addresses and CIDRs. "true" (trust anyone) is refused: any client could then pick its address
 * and with it its rate-limit bucket.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((value, ctx): number | string[] | false => {
    if (value === undefined || value === 'false' || value === '0') return false
    if (/^\d+$/.test(value)) return Number(value)
    const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean)
    for (const entry of entries) {
      const [address, bits, extra] = entry.split('/')
      const family = net.isIP(address ?? '')
      const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32))
      if (!family || !validBits || extra !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not a hop count, an address or a CIDR (e.g. 1, or 10.0.0.0/8,192.168.1.5)` })
        return z.NEVER
      }
    }
    return entries
  })

const onOff = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((value) => value === 'on' || value === 'true' || value === '1')

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  TRUST_PROXY: trustProxy,
  /** Swagger UI and the OpenAPI document; off in production unless set. */
  DOCS_ENABLED: flag.optional(),
  /** An applicant session ends after this long without a request… */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** …and this long after it was opened, whatever happens. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql://user:password@host:port/database URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, '.data')),
  EMBEDDED_POSTGRES_PORT: port.optional(),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',').map((origin) => origin.trim()).filter(Boolean) : [])),
  WEB_DIST_DIR: z.string().min(1).default(path.join(repoRoot, 'apps/web/dist')),
  /** The origin applicants reach this service at: links in emails, and the QR code's URL. */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** smtp://user:pass@host:587 or smtps://…; unset: mails go to the development mailbox. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM_ADDRESS: z.email().default('no-reply@kakunin.localhost'),
  MAIL_FROM_NAME: z.string().min(1).default('取引時確認事務局'),
  /** Who asks for the applicant's personal data (個人情報保護法21条): every page's footer and every email's signature. */
  OPERATOR_NAME: z.string().trim().min(1).optional(),
  OPERATOR_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The operator's own privacy policy, linked from /privacy; unset: /privacy is the policy. */
  PRIVACY_POLICY_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Where applicants write about their data and their application (our emails come from a no-reply address). */
  SUPPORT_EMAIL: z.email().optional(),
  /** How often the outbox worker looks for mail to send. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** How long the owner of a verified account may confirm a 2回目以降 link (the emailed confirmation link). */
  OWNER_CONFIRMATION_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(72),
  /** How long an emailed resume link stays valid. */
  RESUME_LINK_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(72),
  /** Requests for a fresh resume link per client per 15 minutes (raise it for load tests). */
  RESUME_RENEW_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5),
  /** Where status changes are POSTed (signed), for provisioning systems; unset: not sent. */
  STATUS_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  STATUS_WEBHOOK_SECRET: z.string().min(32).optional(),
  /** Look-ups of an already-verified Account SID (submit-link) per client per 15 minutes. */
  LINK_CHECK_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Inquiries per client per 15 minutes. */
  INQUIRY_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5),
  /** New applications per client address per hour. */
  CREATE_APPLICATION_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Emails an applicant can cause (draft links, owner confirmations) per application, and per recipient, per hour. */
  EMAIL_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5),
  /** Submits per application per 15 minutes. */
  SUBMIT_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  /** New verification sessions (QR codes) per application per hour: each one opens a session with the eKYC vendor. */
  VERIFICATION_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Requests of the sandbox's phone pages per verification per 15 minutes. */
  SANDBOX_PHONE_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Opens new verification sessions. Unset: the sandbox, outside production only. */
  EKYC_PROVIDER: z.enum(['sandbox', 'trustdock']).optional(),
  /** How long a QR code (verification session) stays usable. */
  VERIFICATION_SESSION_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  /** Secret the sandbox provider signs its webhooks with (unset: a fixed development secret; never in production). */
  SANDBOX_EKYC_WEBHOOK_SECRET: z.string().min(32).optional(),
  /** How long the sandbox's reviewer takes before its verdict (0 in tests). */
  SANDBOX_EKYC_REVIEW_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(3000),
  /** Prometheus metrics at /metrics (off by default). */
  METRICS: onOff.default(false),
  /** Bearer token /metrics requires; required in production when METRICS is on. */
  METRICS_TOKEN: z.string().min(32).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').optional(),
  TRUSTDOCK_API_URL: z.url({ protocol: /^https$/ }).optional(),
  TRUSTDOCK_API_TOKEN: z.string().min(1).optional(),
  TRUSTDOCK_PLAN_ID: z.string().min(1).optional(),
  TRUSTDOCK_WEBHOOK_SECRET: z.string().min(32).optional(),
  /** Where the applicant's phone opens the vendor's app for a verification (public_id is appended). */
  TRUSTDOCK_APP_URL: z.url({ protocol: /^https$/ }).optional(),
})

// Secrets are never defaulted in production; elsewhere a fixed development secret keeps
// `pnpm start` working with no setup, and is marked as such in the logs.
export const DEVELOPMENT_WEBHOOK_SECRET = 'development-only-sandbox-ekyc-webhook-secret'

/** The operator shown outside production when none is configured. */
export const EXAMPLE_OPERATOR = { name: '（例）株式会社サンプル通信', url: 'https://example.com', supportEmail: 'support@example.com' }

const configSchema = envSchema.transform((env, ctx) => {
  const sandboxSecret = env.SANDBOX_EKYC_WEBHOOK_SECRET ?? (env.NODE_ENV === 'production' ? undefined : DEVELOPMENT_WEBHOOK_SECRET)
  // The sandbox identifies no one (its results are no 取引時確認): production names a real vendor.
  const ekycProvider = env.EKYC_PROVIDER ?? 'sandbox'
  if (env.NODE_ENV === 'production' && env.EKYC_PROVIDER === undefined) {
    ctx.addIssue({ code: 'custom', path: ['EKYC_PROVIDER'], message: 'is required in production (trustdock); the default sandbox identifies no one' })
  } else if (env.NODE_ENV === 'production' && env.EKYC_PROVIDER === 'sandbox') {
    ctx.addIssue({ code: 'custom', path: ['EKYC_PROVIDER'], message: 'must not be sandbox in production: the sandbox identifies no one (use trustdock)' })
  } else if (ekycProvider === 'sandbox' && !sandboxSecret) {
    ctx.addIssue({ code: 'custom', path: ['SANDBOX_EKYC_WEBHOOK_SECRET'], message: 'is required in production (32+ characters)' })
  }
  if (env.EKYC_PROVIDER === 'trustdock') {
    for (const name of ['TRUSTDOCK_API_URL', 'TRUSTDOCK_API_TOKEN', 'TRUSTDOCK_PLAN_ID', 'TRUSTDOCK_WEBHOOK_SECRET', 'TRUSTDOCK_APP_URL'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when EKYC_PROVIDER=trustdock' })
    }
  }
  if (env.STATUS_WEBHOOK_URL && !env.STATUS_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['STATUS_WEBHOOK_SECRET'], message: 'is required with STATUS_WEBHOOK_URL (32+ characters)' })
  }
  // The development secret is in this public source: a webhook signed with it proves nothing.
  if (env.NODE_ENV === 'production') {
    for (const name of ['SANDBOX_EKYC_WEBHOOK_SECRET', 'STATUS_WEBHOOK_SECRET', 'TRUSTDOCK_WEBHOOK_SECRET'] as const) {
      if (env[name] === DEVELOPMENT_WEBHOOK_SECRET) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'must not be the development secret in production (it is published in the source)' })
      }
    }
  }
  // The metrics name routes, queue depths and pool use: not for the public internet.
  if (env.NODE_ENV === 'production' && env.METRICS && !env.METRICS_TOKEN) {
    ctx.addIssue({ code: 'custom', path: ['METRICS_TOKEN'], message: 'is required in production when METRICS is on (32+ characters; scrapers send it as a bearer token)' })
  }
  // Without it the embedded PostgreSQL would keep the 確認記録 in DATA_DIR, on whatever disk the
  // instance has (a container's is thrown away with it): production names its database.
  if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production (the embedded PostgreSQL is for development and tests)' })
  }
  if (env.NODE_ENV === 'production' && !env.PUBLIC_BASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'is required in production (links in emails and QR codes)' })
  }
  if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
    ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required in production (the development mailbox is not for real mail)' })
  }
  // An applicant must be told who collects their data and how to reach them: no example operator in production.
  if (env.NODE_ENV === 'production') {
    for (const name of ['OPERATOR_NAME', 'OPERATOR_URL', 'SUPPORT_EMAIL'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production (the operator named on every page and email)' })
    }
  }
  return {
    ...env,
    DOCS_ENABLED: env.DOCS_ENABLED ?? env.NODE_ENV !== 'production',
    EKYC_PROVIDER: ekycProvider,
    SANDBOX_EKYC_WEBHOOK_SECRET: sandboxSecret ?? '',
    PUBLIC_BASE_URL: env.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    // Outside production, placeholders that plainly say they are examples.
    OPERATOR_NAME: env.OPERATOR_NAME ?? EXAMPLE_OPERATOR.name,
    OPERATOR_URL: env.OPERATOR_URL ?? EXAMPLE_OPERATOR.url,
    SUPPORT_EMAIL: env.SUPPORT_EMAIL ?? EXAMPLE_OPERATOR.supportEmail,
    /** Links in emails: the public origin, or this machine in development. */
    LINK_BASE_URL: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  }
})

export type Config = z.infer<typeof configSchema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment once at start-up; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most .env tooling.
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const result = configSchema.safeParse(defined)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration (environment variables):\n${lines.join('\n')}`)
  }
  return result.data
}
