import fp from 'fastify-plugin'
import { sweepEndedWindows } from './hit-counter.ts'
import { RateLimitedError } from './enforce-limit.ts'

/**
 * Every 429 says when to try again (Retry-After, in seconds), wherever it was refused: a route's
 * preHandler or a service deciding about an email. The onError hook runs before the one error
 * handler, which then writes the body; headers set here stay. `sweep`: where the background
 * workers run, counters whose window ended are deleted every minute so the table stays small.
 */
export const rateLimiting = fp<{ sweep: boolean }>(
  async (app, { sweep }) => {
    app.addHook('onError', async (_request, reply, error) => {
      if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds))
    })
    if (!sweep) return
    let timer: NodeJS.Timeout | undefined
    let running: Promise<unknown> = Promise.resolve()
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        running = sweepEndedWindows(app.deps.pool, app.deps.clock()).catch((error: unknown) => app.log.warn({ err: error }, 'rate-limit sweep failed'))
      }, 60_000)
      timer.unref()
    })
    app.addHook('onClose', async () => {
      clearInterval(timer)
      await running
    })
  },
  { name: 'rate-limiting', dependencies: ['deps'] },
)
