import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from '@kakunin/schema/zod'
import type { RevokedReason } from './open-session.ts'

/**
 * 途中保存して終了: this browser's session ends on the server (a copied cookie is useless from now
 * on) and its cookie goes. Without a session there is nothing to end: the same 204, so a second
 * click or a stale tab is not an error.
 */
export const logoutRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/session/logout', { schema: { response: { 204: z.null() } } }, async (request, reply) => {
    const tokenHash = request.applicantTokenHash()
    if (tokenHash) {
      await app.prisma.applicantSession.updateMany({
        where: { tokenHash, revokedAt: null },
        data: { revokedAt: app.deps.clock(), revokedReason: 'LOGOUT' satisfies RevokedReason },
      })
    }
    reply.clearApplicantSession()
    return reply.status(204).send(null)
  })
}
