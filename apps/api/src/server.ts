import { ConfigError, loadConfig } from './config/config.ts'
import { serializeError } from './http/log-serializers.ts'
import { closeOnSignals } from './shutdown.ts'
import { tracingRequested } from './observability/tracing-env.ts'

async function main() {
  const config = loadConfig()
  // Tracing first, when configured: its instrumentations patch http and pg as they load, so the
  // app's modules are imported only after it started. Unconfigured, nothing of it is loaded.
  const tracing = tracingRequested(process.env) ? await (await import('./observability/tracing.ts')).startTracing() : undefined
  const { buildApp } = await import('./app.ts')
  const { openDatabase } = await import('./db/database.ts')
  const { applyMigrations } = await import('./db/migrations/migrator.ts')
  const { warnAboutDatabase } = await import('./db/database-requirements.ts')
  const started = performance.now()
  const database = await openDatabase(config)
  try {
    const applied = await applyMigrations(database.url)
    const app = await buildApp({ config, databaseUrl: database.url })
    closeOnSignals(async () => {
      await app.close()
      await database.stop()
      await tracing?.shutdown() // the last spans are flushed
    }, app.log)
    if (applied.length > 0) app.log.info({ applied }, 'applied database migrations')
    await warnAboutDatabase(app.pg, app.log)
    await app.listen({ host: config.HOST, port: config.PORT })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.PORT
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      `\nkakunin is running at http://${host}:${port}/ (database: ${database.embedded ? `embedded PostgreSQL in ${config.DATA_DIR}` : 'DATABASE_URL'}; ready in ${seconds} s)\n`,
    )
  } catch (error) {
    await database.stop()
    await tracing?.shutdown()
    throw error
  }
}

main().catch((error: unknown) => {
  // A failed start (a migration refused by existing rows) must not print the rows PostgreSQL quotes.
  console.error(error instanceof ConfigError ? error.message : serializeError(error))
  process.exit(1)
})
