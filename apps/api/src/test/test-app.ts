import { inject } from 'vitest'
import { buildApp, type AppOptions } from '#src/app.ts'
import { loadConfig } from '#src/config/config.ts'
import { checkedAgainstContract } from './contract.ts'

const RATE_LIMIT_VARIABLES = [
  'CREATE_APPLICATION_RATE_LIMIT',
  'EMAIL_RATE_LIMIT',
  'SUBMIT_RATE_LIMIT',
  'VERIFICATION_RATE_LIMIT',
  'LINK_CHECK_RATE_LIMIT',
  'INQUIRY_RATE_LIMIT',
  'RESUME_RENEW_RATE_LIMIT',
  'SANDBOX_PHONE_RATE_LIMIT',
]

/** Configuration as the tests run the app: quiet, no SPA, the sandbox reviewer answering at once. */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '/nonexistent',
    SANDBOX_EKYC_REVIEW_DELAY_MS: '0',
    // Limits are counted in the run's one database, and every inject comes from 127.0.0.1: tests of
    // a limit set their own (and use their own addresses), the others are never limited.
    ...Object.fromEntries(RATE_LIMIT_VARIABLES.map((name) => [name, '100000'])),
    ...env,
  })
}

/**
 * The real application on the run's throw-away database (or a private one), for `app.inject`;
 * every response it gives through inject is checked against its own OpenAPI document.
 */
export async function buildTestApp(options: { env?: Record<string, string>; clock?: AppOptions['clock']; databaseUrl?: string } = {}) {
  const app = await buildApp({
    config: testConfig(options.env),
    databaseUrl: options.databaseUrl ?? inject('databaseUrl'),
    logger: false,
    outboxWorker: false,
    ...(options.clock ? { clock: options.clock } : {}),
  })
  return checkedAgainstContract(app)
}
