import type { AppDeps } from '#src/deps.ts'
import { ApiError } from '#src/http/api-error.ts'
import { countHit, type Hit } from './hit-counter.ts'
import type { Limit } from './rate-limits.ts'

/** A 429 in the error shape; the retry-after plugin turns `retryAfterSeconds` into the header. */
export class RateLimitedError extends ApiError {
  readonly retryAfterSeconds: number

  constructor(
    retryAfterSeconds: number,
    message = `リクエストが多すぎます。${waitInWords(retryAfterSeconds)}ほどしてから、もう一度お試しください。`,
  ) {
    super(429, 'RATE_LIMITED', message)
    this.retryAfterSeconds = retryAfterSeconds
    this.name = 'RateLimitedError'
  }
}

/** 約12分 / 約40秒: how long until the window ends, as a person reads it. */
export function waitInWords(seconds: number) {
  return seconds >= 60 ? `約${Math.ceil(seconds / 60)}分` : `約${seconds}秒`
}

type LimitDeps = Pick<AppDeps, 'pool' | 'clock'>

/** Counts a hit; null when within the limit, otherwise the seconds until the window ends. */
export async function overLimit(deps: LimitDeps, limit: Limit, identity: readonly string[]): Promise<number | null> {
  const now = deps.clock()
  return secondsOverLimit(limit, await countHit(deps.pool, limit, identity, now), now)
}

/** A hit already counted (countHit, or a statement's own COUNT_HIT): null within the limit, otherwise the seconds to wait. */
export function secondsOverLimit(limit: Limit, { hits, windowEndsAt }: Hit, now: Date): number | null {
  if (hits <= limit.max) return null
  return Math.max(1, Math.ceil((windowEndsAt.getTime() - now.getTime()) / 1000))
}

/** Counts a hit and refuses it with 429 beyond the limit. */
export async function enforceLimit(deps: LimitDeps, limit: Limit, identity: readonly string[], message?: (wait: string) => string) {
  const retryAfter = await overLimit(deps, limit, identity)
  if (retryAfter !== null) throw new RateLimitedError(retryAfter, message?.(waitInWords(retryAfter)))
}
