import type { FastifyReply, FastifyRequest } from 'fastify'
import type pg from 'pg'
import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'
import { notFound } from '#src/http/api-error.ts'
import type { OpenedSession } from './open-session.ts'
import { hashSessionToken } from './session-token.ts'
import { isStale, liveSession } from './session-validity.ts'

export const SESSION_COOKIE = 'kakunin_applicant'

declare module 'fastify' {
  interface FastifyRequest {
    /** The application this browser's session may reach, or null. Looked up once per request. */
    applicantApplicationId(): Promise<string | null>
    /** The hash of this browser's session token (what the database stores), or null without a cookie. */
    applicantTokenHash(): string | null
    /** SESSION_IDLE_MINUTES, for the statements that check the session themselves. */
    applicantSessionIdleMinutes: number
  }
  interface FastifyReply {
    /** Gives this browser the session a service opened (sets its cookie). */
    setApplicantSession(session: OpenedSession): void
    /** Takes the session cookie away from this browser (logout). */
    clearApplicantSession(): void
  }
}

/**
 * Applicants have no passwords: creating an application gives this browser an HttpOnly cookie
 * scoped to that one application. Its token is random and stored only as a hash. It ends after
 * `idleMinutes` without a request, at its absolute expiry (set when opened), or when revoked
 * (logout, or a resume link that opened another session).
 */
export const applicantSession = fp<{ secureCookie: boolean; clock: () => Date; idleMinutes: number }>(
  async (app, { secureCookie, clock, idleMinutes }) => {
    await app.register(cookie)
    const lookups = new WeakMap<FastifyRequest, Promise<string | null>>()

    app.decorateRequest('applicantTokenHash', function (this: FastifyRequest) {
      const token = this.cookies[SESSION_COOKIE]
      return token ? hashSessionToken(token) : null
    })
    app.decorateRequest('applicantSessionIdleMinutes', idleMinutes)

    app.decorateRequest('applicantApplicationId', function (this: FastifyRequest) {
      const tokenHash = this.applicantTokenHash()
      if (!tokenHash) return Promise.resolve(null)
      let lookup = lookups.get(this)
      if (!lookup) {
        lookup = findLiveSession(app.pg, tokenHash, clock(), idleMinutes, !isAutomaticPoll(this))
        lookups.set(this, lookup)
      }
      return lookup
    })

    app.decorateReply('setApplicantSession', function (this: FastifyReply, session: OpenedSession) {
      this.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions(secureCookie), expires: session.expiresAt })
    })

    app.decorateReply('clearApplicantSession', function (this: FastifyReply) {
      this.clearCookie(SESSION_COOKIE, cookieOptions(secureCookie))
    })
  },
  { name: 'applicant-session', dependencies: ['prisma'] },
)

/**
 * The SPA's automatic polls (the verify and completion pages following the status) say so with
 * this header. They still need a live session, but are no activity of the person: counting them
 * would keep a tab left open on a shared computer signed in until the absolute lifetime.
 */
export const POLL_HEADER = 'x-kakunin-poll'
const isAutomaticPoll = (request: FastifyRequest) => request.method === 'GET' && request.headers[POLL_HEADER] === '1'

const cookieOptions = (secure: boolean) => ({ httpOnly: true, secure, sameSite: 'lax' as const, path: '/api' })

/**
 * The application a live session may reach, and (unless `touch` is off, for automatic polls) the
 * session marked as used, in one statement: the write happens only when last_seen_at is more than
 * a minute old, so most requests only read.
 */
async function findLiveSession(pool: pg.Pool, tokenHash: string, now: Date, idleMinutes: number, touch: boolean): Promise<string | null> {
  const found = `SELECT s.id, s.application_id, s.last_seen_at FROM applicant_sessions s WHERE s.token_hash = $1 AND ${liveSession('s', '$2', idleMinutes)}`
  const { rows } = await pool.query<{ applicationId: string }>(
    touch
      ? {
          name: 'find-live-session',
          text: `WITH found AS (${found}), touched AS (
                   UPDATE applicant_sessions s SET last_seen_at = $2 FROM found f WHERE s.id = f.id AND ${isStale('f', '$2')}
                 )
                 SELECT application_id AS "applicationId" FROM found`,
          values: [tokenHash, now],
        }
      : { name: 'find-live-session-untouched', text: `SELECT application_id AS "applicationId" FROM (${found}) found`, values: [tokenHash, now] },
  )
  return rows[0]?.applicationId ?? null
}

/**
 * The session as the single-statement writes check it: the application named in the URL and the
 * token hash that must own it. Without a cookie nothing can match, so answer 404 at once.
 */
export function applicantWriteSession(request: FastifyRequest, id: string): ApplicantWriteSession {
  const tokenHash = request.applicantTokenHash()
  if (!tokenHash || !UUID.test(id)) throw notFound('お申し込みが見つかりません')
  return { id, tokenHash, idleMinutes: request.applicantSessionIdleMinutes }
}

/** The application named in the URL, the hash of the session cookie that must own it, and its idle timeout. */
export interface ApplicantWriteSession {
  id: string
  tokenHash: string
  idleMinutes: number
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
