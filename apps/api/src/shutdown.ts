import type { FastifyBaseLogger } from 'fastify'

const GRACE_MS = 10_000

/**
 * Closes the server, then the embedded database, once on SIGINT/SIGTERM/SIGHUP. The signal often
 * arrives twice (the terminal signals the whole process group, and pnpm forwards it again), so
 * repeats are ignored instead of cutting the graceful close short; a stuck close ends after GRACE_MS.
 */
export function closeOnSignals(close: () => Promise<void>, log: FastifyBaseLogger) {
  let closing = false
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return
    closing = true
    log.info({ signal }, 'shutting down')
    setTimeout(() => {
      log.error('graceful shutdown timed out')
      process.exit(1)
    }, GRACE_MS).unref()
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  // A closed terminal: PostgreSQL only reloads its configuration on SIGHUP, so stop it here too.
  process.on('SIGHUP', shutdown)
}
