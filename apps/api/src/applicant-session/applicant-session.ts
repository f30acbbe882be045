import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'
import { notFound } from '#src/http/api-error.ts'
import type { OpenedSession } from './open-session.ts'
import { hashSessionToken } from './session-token.ts'

export const SESSION_COOKIE = 'kakunin_applicant'

declare module 'fastify' {
  interface FastifyRequest {
    /** The application this browser's session may reach, or null. Looked up once per request. */
    applicantApplicationId(): Promise<string | null>
    /** The hash of this browser's session token (what the database stores), or null without a cookie. */
    applicantTokenHash(): string | null
  }
  interface FastifyReply {
    /** Gives this browser the session a service opened (sets its cookie). */
    setApplicantSession(session: OpenedSession): void
  }
}

/**
 * Applicants have no passwords: creating an application gives this browser an HttpOnly cookie
 * scoped to that one application. Its token is random and stored only as a hash; it expires.
 */
export const applicantSession = fp<{ secureCookie: boolean; clock: () => Date }>(
  async (app, { secureCookie, clock }) => {
    await app.register(cookie)
    const lookups = new WeakMap<FastifyRequest, Promise<string | null>>()

    app.decorateRequest('applicantTokenHash', function (this: FastifyRequest) {
      const token = this.cookies[SESSION_COOKIE]
      return token ? hashSessionToken(token) : null
    })

    app.decorateRequest('applicantApplicationId', function (this: FastifyRequest) {
      const tokenHash = this.applicantTokenHash()
      if (!tokenHash) return Promise.resolve(null)
      let lookup = lookups.get(this)
      if (!lookup) {
        lookup = app.prisma.applicantSession
          .findUnique({ where: { tokenHash }, select: { applicationId: true, expiresAt: true } })
          .then((session) => (session && session.expiresAt > clock() ? session.applicationId : null))
        lookups.set(this, lookup)
      }
      return lookup
    })

    app.decorateReply('setApplicantSession', function (this: FastifyReply, session: OpenedSession) {
      this.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        secure: secureCookie,
        sameSite: 'lax',
        path: '/api',
        expires: session.expiresAt,
      })
    })
  },
  { name: 'applicant-session', dependencies: ['prisma'] },
)

/**
 * The session as the single-statement writes check it: the application named in the URL and the
 * token hash that must own it. Without a cookie nothing can match, so answer 404 at once.
 */
export function applicantWriteSession(request: FastifyRequest, id: string): ApplicantWriteSession {
  const tokenHash = request.applicantTokenHash()
  if (!tokenHash || !UUID.test(id)) throw notFound('お申し込みが見つかりません')
  return { id, tokenHash }
}

/** The application named in the URL and the hash of the session cookie that must own it. */
export interface ApplicantWriteSession {
  id: string
  tokenHash: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Guards routes with `:id`: the application must be this browser's. Anyone else gets the same
 * 404 as for an id that does not exist, so ids reveal nothing.
 */
export async function requireOwnApplication(request: FastifyRequest<{ Params: { id: string } }>) {
  const own = await request.applicantApplicationId()
  if (!own || own !== request.params.id) throw notFound('お申し込みが見つかりません')
}
