// A draft saved when a screen is left goes in the background, while the next screen is already
// shown with the version read before it. A write made afterwards carries the version that save
// left: the bump is this tab's own, not another tab's edit, which the version exists to catch.

let background: Promise<unknown> = Promise.resolve()
/** `${applicationId}:${version}` → the version this tab's background save turned it into. */
const bumps = new Map<string, number>()

function follow(applicationId: string, version: number): number {
  let current = version
  for (let next = bumps.get(`${applicationId}:${current}`); next !== undefined; next = bumps.get(`${applicationId}:${current}`)) current = next
  return current
}

/** Runs a versioned write after the ones before it, from the version they left; it never throws. */
export function writeInBackground(applicationId: string, version: number, write: (version: number) => Promise<{ version: number }>) {
  background = background.then(async () => {
    const from = follow(applicationId, version)
    try {
      const written = await write(from)
      bumps.set(`${applicationId}:${from}`, written.version)
    } catch {
      // Refused or unreachable: what the screen held stays in this tab (the caller kept it).
    }
  })
  return background
}

/** The version to send: once the background saves are done, the one they left. */
export async function ownVersion(applicationId: string, version: number): Promise<number> {
  await background
  return follow(applicationId, version)
}

/** Resolves once every background write sent so far has been answered. */
export const backgroundWritesDone = () => background
