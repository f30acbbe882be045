import { z } from './zod.ts'

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.literal('ok'),
})

/** Liveness: the process answers; nothing else is asked. */
export const liveResponse = z.object({
  status: z.literal('ok'),
})

/** Readiness: the database answers and every migration of this release is applied. */
export const readyResponse = z.object({
  status: z.literal('ok'),
  database: z.literal('ok'),
  migrations: z.literal('ok'),
})
