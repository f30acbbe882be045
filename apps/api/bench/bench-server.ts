// The process under load in `pnpm bench`: the API as production builds it, and beside it the bare
// baseline (Fastify + one pg UPDATE) on a pool of the same size, both on loopback. Started by
// applicant-form.bench.ts as a child process, so the load generator never shares this event loop.
// Tells its parent the two URLs over IPC and closes when told to (or when the parent goes away).
import Fastify from 'fastify'
import pg from 'pg'
import { buildApp } from '#src/app.ts'
import { loadConfig } from '#src/config/config.ts'
import { operatorEnv } from '#src/test/production-env.ts'

/** The app's own pool size (db/prisma-plugin.ts), so that the baseline has as many connections. */
const POOL_SIZE = 10

async function main() {
  const databaseUrl = process.env.BENCH_DATABASE_URL
  if (!databaseUrl || !process.send) throw new Error('bench-server runs as a child of applicant-form.bench.ts')

  const app = await buildApp({
    config: loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: '/nonexistent',
      // Production refuses the sandbox; the vendor adapter is configured but never called here.
      EKYC_PROVIDER: 'trustdock',
      TRUSTDOCK_API_URL: 'https://trustdock.invalid',
      TRUSTDOCK_API_TOKEN: 'bench',
      TRUSTDOCK_PLAN_ID: 'bench',
      TRUSTDOCK_WEBHOOK_SECRET: 'bench-secret-bench-secret-bench-secret',
      TRUSTDOCK_APP_URL: 'https://trustdock.invalid/app',
      PUBLIC_BASE_URL: 'http://127.0.0.1',
      SMTP_URL: 'smtp://127.0.0.1:9',
      ...operatorEnv,
    }),
    databaseUrl,
    logger: process.env.BENCH_DEBUG ? { level: 'error' } : false,
    outboxWorker: false,
  })
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 })

  // The baseline: one UPDATE through node-postgres, no session, no validation, no event.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE })
  const bare = Fastify({ logger: false })
  bare.put<{ Params: { id: string }; Body: { values: unknown } }>('/bare/:id', async (request) => {
    const { rows } = await pool.query('UPDATE applications SET answers = $1, version = version + 1 WHERE id = $2 RETURNING version', [
      { purpose: request.body.values },
      request.params.id,
    ])
    return { version: rows[0].version }
  })
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 })

  const close = async () => {
    await app.close()
    await bare.close()
    await pool.end()
    process.exit(0)
  }
  process.on('message', (message) => {
    if (message === 'close') void close()
  })
  process.on('disconnect', () => void close())
  process.send({ appUrl, bareUrl })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
