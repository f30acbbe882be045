import { inject } from 'vitest'
import { buildApp, type AppOptions } from '#src/app.ts'
import { loadConfig } from '#src/config/config.ts'

/** Configuration as the tests run the app: quiet, no SPA, the sandbox reviewer answering at once. */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '/nonexistent',
    SANDBOX_EKYC_REVIEW_DELAY_MS: '0',
    ...env,
  })
}

/** The real application on the run's throw-away database, for `app.inject`. */
export function buildTestApp(options: { env?: Record<string, string>; clock?: AppOptions['clock'] } = {}) {
  return buildApp({
    config: testConfig(options.env),
    databaseUrl: inject('databaseUrl'),
    logger: false,
    outboxWorker: false,
    ...(options.clock ? { clock: options.clock } : {}),
  })
}
