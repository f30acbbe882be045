import fs from 'node:fs'

// How every browser-driving suite starts Chromium (e2e, the Lighthouse bench): no download here.

/** Debian's Chromium where it is installed, or CHROMIUM_PATH; undefined elsewhere (Playwright then uses its own). */
export const chromiumPath =
  process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => fs.existsSync(file))

/** Flags for a sandboxless container without a GPU, and no background traffic to Google. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
