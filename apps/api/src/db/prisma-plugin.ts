import fp from 'fastify-plugin'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#src/generated/prisma/client.ts'

declare module 'fastify' {
  interface FastifyInstance {
    prisma: PrismaClient
    /** The same connections as Prisma's, for the few hot paths written as single SQL statements. */
    pg: pg.Pool
  }
}

export type Prisma = PrismaClient

/**
 * The URL with kakunin.status_webhooks = 'on' among the connection's startup options (after any
 * the URL already gives), so every connection has it from the start, at no extra round trip.
 */
export function withStatusWebhooks(databaseUrl: string): string {
  const url = new URL(databaseUrl)
  const options = [url.searchParams.get('options'), '-c kakunin.status_webhooks=on'].filter(Boolean).join(' ')
  url.searchParams.set('options', options)
  return url.toString()
}

/**
 * One node-postgres pool, used by the Prisma client and by hand-written SQL; closed with the app.
 * `statusWebhooks`: its connections queue a status webhook with every status change (the
 * trigger reads kakunin.status_webhooks), which only an instance with STATUS_WEBHOOK_URL wants.
 */
export const prismaPlugin = fp<{ databaseUrl: string; statusWebhooks?: boolean }>(
  async (app, { databaseUrl, statusWebhooks = false }) => {
    const pool = new pg.Pool({ connectionString: statusWebhooks ? withStatusWebhooks(databaseUrl) : databaseUrl, max: 10 })
    // An idle connection closed by the server (a restart, the embedded server stopping first) is
    // not a crash: pg replaces it on the next query.
    pool.on('error', (error) => app.log.warn({ err: error }, 'idle database connection lost'))
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) })
    await prisma.$connect()
    app.decorate('prisma', prisma)
    app.decorate('pg', pool)
    app.addHook('onClose', async () => {
      await prisma.$disconnect()
      await pool.end()
    })
  },
  { name: 'prisma' },
)
