import fp from 'fastify-plugin'
import { expireOwnerConfirmations } from './owner-confirmation-service.ts'

/** Every minute, confirmations left unanswered past their expiry deny their application (any instance may do it). */
export const ownerConfirmationExpiry = fp<{ intervalMs: number }>(
  async (app, { intervalMs }) => {
    let timer: NodeJS.Timeout | undefined
    let running: Promise<unknown> = Promise.resolve()
    const tick = () => {
      running = expireOwnerConfirmations(app.deps, app.deps.clock()).catch((error: unknown) => app.log.warn({ err: error }, 'owner confirmation expiry failed'))
    }
    app.addHook('onReady', async () => {
      timer = setInterval(tick, intervalMs)
      timer.unref()
    })
    app.addHook('onClose', async () => {
      clearInterval(timer)
      await running
    })
  },
  { name: 'owner-confirmation-expiry', dependencies: ['deps'] },
)
