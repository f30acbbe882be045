import fp from 'fastify-plugin'
import type { Config } from '#src/config/config.ts'
import { createOutboxWorker } from './outbox-worker.ts'
import { createMailTransport } from './transport.ts'
import { emailSignature, type EmailSignature } from './signature.ts'

export interface MailSettings {
  fromAddress: string
  /** The operator, the sender and where to ask, closing every email. */
  signature: EmailSignature
  /** Origin for links in emails. */
  linkBaseUrl: string
  /** Sends everything due now, pass after pass; the worker does this on its own, tests call it to not wait. */
  flush(): Promise<number>
}

declare module 'fastify' {
  interface FastifyInstance {
    mail: MailSettings
  }
}

/** Email: the sender, the transport, and the outbox worker that runs while the app is up. */
export const mailPlugin = fp<{ config: Config; runWorker: boolean; clock: () => Date }>(
  async (app, { config, runWorker, clock }) => {
    const transport = createMailTransport(config.SMTP_URL)
    const worker = createOutboxWorker({
      pool: app.pg,
      transport,
      from: `"${config.MAIL_FROM_NAME}" <${config.MAIL_FROM_ADDRESS}>`,
      log: app.log,
      pollMs: config.OUTBOX_POLL_MS,
      clock,
    })
    app.decorate('mail', {
      fromAddress: config.MAIL_FROM_ADDRESS,
      signature: emailSignature(config),
      linkBaseUrl: config.LINK_BASE_URL,
      flush: async () => {
        let total = 0
        for (let tried = await worker.runOnce(); tried > 0; tried = await worker.runOnce()) total += tried
        return total
      },
    })
    if (runWorker) app.addHook('onReady', async () => worker.start())
    app.addHook('onClose', async () => {
      await worker.stop()
      transport.close()
    })
  },
  { name: 'mail', dependencies: ['prisma'] },
)
