import { getCurrentApplication } from './get-current-application.ts'

// A draft saved when a screen is left goes in the background, while the next screen is already
// shown with the version read before it. A write made afterwards carries the version that save
// left: the bump is this tab's own, not another tab's edit, which the version exists to catch.

let background: Promise<unknown> = Promise.resolve()
/** `${applicationId}:${version}` → the version this tab's background save turned it into. */
const bumps = new Map<string, number>()
/** Background saves sent or queued and not yet answered, per application. */
const unanswered = new Map<string, number>()
/** A write waits for the background saves this long at most (a request that never ends must not hold 次へ). */
const WAIT_MS = 10_000

// A save sent as the page went away (a reload) may land after the next page read the application:
// the next page then knows the version it started from, and recognises that bump as its own.
const leftKey = (applicationId: string) => `kakunin:left:${applicationId}`

function follow(applicationId: string, version: number): number {
  let current = version
  for (let next = bumps.get(`${applicationId}:${current}`); next !== undefined; next = bumps.get(`${applicationId}:${current}`)) current = next
  return current
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage
  } catch {
    return undefined
  }
}

/**
 * Runs a versioned write after the ones before it, from the version they left; it never throws.
 * `leavingPage`: the page is going away, so the request starts now rather than after the saves
 * before it (each of which moves the version on by one when it lands).
 */
export function writeInBackground(
  applicationId: string,
  version: number,
  write: (version: number) => Promise<{ version: number }>,
  { leavingPage = false } = {},
) {
  unanswered.set(applicationId, (unanswered.get(applicationId) ?? 0) + 1)
  const send = async (from: number) => {
    try {
      const written = await write(from)
      bumps.set(`${applicationId}:${from}`, written.version)
      if (leavingPage && storage()?.getItem(leftKey(applicationId)) === String(from)) storage()?.removeItem(leftKey(applicationId))
    } catch {
      // Refused or unreachable: what the screen held stays in this tab (the caller kept it).
    } finally {
      unanswered.set(applicationId, (unanswered.get(applicationId) ?? 1) - 1)
    }
  }
  if (leavingPage) {
    const from = follow(applicationId, version) + (unanswered.get(applicationId) ?? 1) - 1
    storage()?.setItem(leftKey(applicationId), String(from))
    const sent = send(from)
    background = Promise.all([background, sent])
    return sent
  }
  background = background.then(() => send(follow(applicationId, version)))
  return background
}

/** The version to send: once the background saves are done, the one they left. */
export async function ownVersion(applicationId: string, version: number): Promise<number> {
  await Promise.race([background, new Promise((resolve) => setTimeout(resolve, WAIT_MS))])
  await recogniseSaveOnLeaving(applicationId, version)
  return follow(applicationId, version)
}

/** The page before this one sent a save from `version` as it went: if it landed, that bump is ours. */
async function recogniseSaveOnLeaving(applicationId: string, version: number) {
  const left = storage()?.getItem(leftKey(applicationId))
  if (left === null || left === undefined) return
  storage()?.removeItem(leftKey(applicationId))
  const from = Number(left)
  if (from !== follow(applicationId, version)) return
  const latest = await getCurrentApplication().catch(() => null)
  if (latest?.id === applicationId && latest.version === from + 1) bumps.set(`${applicationId}:${from}`, latest.version)
}

/** Resolves once every background write sent so far has been answered. */
export const backgroundWritesDone = () => background
