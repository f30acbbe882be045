// pnpm start: the SPA built when its inputs changed since the last build (scripts/web-build.mjs),
// then the API in this same process, which serves the built SPA beside itself. The API's modules
// are loaded after the compile cache is on (see compile-cache.ts), hence the dynamic import.
import '../apps/api/src/compile-cache.ts'
import { ensureWebBuild } from './web-build.mjs'

try {
  ensureWebBuild()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
await import('../apps/api/src/server.ts')
