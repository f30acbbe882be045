import { inject } from 'vitest'
import { buildApp } from '#src/app.ts'
import { loadConfig } from '#src/config/config.ts'
import { productionEnv } from './production-env.ts'

/** The application as production builds it (no SMTP connection is made: the outbox worker is off). */
export function buildProductionApp(env: Record<string, string> = {}) {
  return buildApp({ config: loadConfig({ ...productionEnv, ...env }), databaseUrl: inject('databaseUrl'), logger: false, outboxWorker: false })
}
