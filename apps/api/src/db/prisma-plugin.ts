import fp from 'fastify-plugin'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../generated/prisma/client.ts'

declare module 'fastify' {
  interface FastifyInstance {
    prisma: PrismaClient
  }
}

export type Prisma = PrismaClient

/** The Prisma client over node-postgres, opened with the app and closed with it. */
export const prismaPlugin = fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) })
    await prisma.$connect()
    app.decorate('prisma', prisma)
    app.addHook('onClose', () => prisma.$disconnect())
  },
  { name: 'prisma' },
)
