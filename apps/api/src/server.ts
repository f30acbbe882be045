import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config/config.ts'
import { serializeError } from './http/log-serializers.ts'
import { openDatabase } from './db/database.ts'
import { applyMigrations } from './db/migrations/migrator.ts'
import { warnAboutDatabase } from './db/database-requirements.ts'
import { closeOnSignals } from './shutdown.ts'

async function main() {
  const config = loadConfig()
  const started = performance.now()
  const database = await openDatabase(config)
  try {
    const applied = await applyMigrations(database.url)
    const app = await buildApp({ config, databaseUrl: database.url })
    closeOnSignals(async () => {
      await app.close()
      await database.stop()
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
    throw error
  }
}

main().catch((error: unknown) => {
  // A failed start (a migration refused by existing rows) must not print the rows PostgreSQL quotes.
  console.error(error instanceof ConfigError ? error.message : serializeError(error))
  process.exit(1)
})
