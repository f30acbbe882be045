// When an applicant session still grants access, as SQL, so that the plugin's lookup and the
// single-statement hot writes apply exactly the same rules.

/** How long a session lives: without a request for `idleMinutes`, and at most `maxHours` after it opened. */
export interface SessionLifetime {
  idleMinutes: number
  maxHours: number
}

/**
 * A session (`s`, the alias of applicant_sessions) that still grants access at `now` (an SQL
 * expression holding the app's clock): not revoked, within its absolute lifetime, and used within
 * the idle timeout. The minutes are written into the text (an integer from the config), not bound,
 * so the named statements that carry this keep their parameter numbers.
 */
export function liveSession(s: string, now: string, idleMinutes: number): string {
  if (!Number.isSafeInteger(idleMinutes) || idleMinutes < 1) throw new Error(`idle minutes must be a positive integer, not ${idleMinutes}`)
  return `${s}.revoked_at IS NULL AND ${s}.expires_at > ${now} AND ${s}.last_seen_at > ${now} - interval '${idleMinutes} minutes'`
}

/**
 * last_seen_at moves only when it is this much behind: a burst of requests costs one write, and
 * the idle timeout is at most this much shorter than configured.
 */
export const TOUCH_AFTER = `interval '1 minute'`

/** Whether session `s`'s last_seen_at is old enough to be written again at `now`. */
export const isStale = (s: string, now: string) => `${s}.last_seen_at < ${now} - ${TOUCH_AFTER}`
