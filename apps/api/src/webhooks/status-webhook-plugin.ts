import fp from 'fastify-plugin'
import type { Config } from '#src/config/config.ts'
import { createStatusWebhookWorker } from './status-webhook-worker.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends the due status webhooks now (tests); null when no STATUS_WEBHOOK_URL is configured. */
    flushStatusWebhooks: (() => Promise<number>) | null
  }
}

/** The outbound status webhook, when configured: its worker runs while the app is up. */
export const statusWebhookPlugin = fp<{ config: Config; runWorker: boolean; clock: () => Date }>(
  async (app, { config, runWorker, clock }) => {
    if (!config.STATUS_WEBHOOK_URL || !config.STATUS_WEBHOOK_SECRET) {
      app.decorate('flushStatusWebhooks', null)
      return
    }
    const worker = createStatusWebhookWorker({
      pool: app.pg,
      url: config.STATUS_WEBHOOK_URL,
      secret: config.STATUS_WEBHOOK_SECRET,
      log: app.log,
      pollMs: config.OUTBOX_POLL_MS,
      clock,
    })
    app.decorate('flushStatusWebhooks', () => worker.runOnce())
    if (runWorker) app.addHook('onReady', async () => worker.start())
    app.addHook('onClose', () => worker.stop())
  },
  { name: 'status-webhook', dependencies: ['prisma'] },
)
