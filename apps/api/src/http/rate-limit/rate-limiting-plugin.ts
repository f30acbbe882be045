import fp from 'fastify-plugin'
import { SWEEP_BATCH, sweepEndedWindows } from './hit-counter.ts'
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
    // Batches until one comes back short, so a flood of one-off keys (random QR tokens) cannot
    // outgrow the sweep; bounded, so one pass never holds the pool for long.
    const sweepAll = async () => {
      for (let batch = 0; batch < 100; batch++) {
        if ((await sweepEndedWindows(app.deps.pool, app.deps.clock())) < SWEEP_BATCH) return
      }
    }
    let timer: NodeJS.Timeout | undefined
    let running: Promise<unknown> = Promise.resolve()
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        running = sweepAll().catch((error: unknown) => app.log.warn({ err: error }, 'rate-limit sweep failed'))
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
