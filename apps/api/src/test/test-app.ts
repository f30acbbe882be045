import { inject } from 'vitest'
import { buildApp } from '../app.ts'

/** The real application on the run's throw-away database, for `app.inject`. */
export function buildTestApp() {
  return buildApp({
    config: { CORS_ORIGINS: [], WEB_DIST_DIR: '/nonexistent', LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    databaseUrl: inject('databaseUrl'),
    logger: false,
  })
}
