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

/** One node-postgres pool, used by the Prisma client and by hand-written SQL; closed with the app. */
export const prismaPlugin = fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
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
