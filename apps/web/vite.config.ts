import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { firstScreenChunk } from './scripts/first-screen-chunk.ts'
import { formChunk } from './scripts/form-chunk.ts'

// index.html's script: what it loads statically is the index chunk.
const INDEX_ENTRY = 'src/main.tsx'
const STEP_PAGES = ['type', 'login', 'user', 'purpose', 'extra', 'agent'].map(
  (step) => `src/features/application/steps/${step}/${step}-step-page.tsx`,
)

// In development the SPA runs on Vite and the API on its own port; /api is proxied so the
// browser sees one origin, as it does in production where the API serves the built SPA.
const apiPort = process.env.PORT ?? '3000'

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  build: {
    target: 'es2022',
    // No source maps: production would publish the whole source with them (the API does not serve
    // *.map in production either, should an older build have left some in dist/).
    sourcemap: false,
    // Every browser the form supports knows <link rel="modulepreload">; the polyfill would only
    // add to the first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: formChunk(INDEX_ENTRY, STEP_PAGES, firstScreenChunk(INDEX_ENTRY, 'src/features/application/entry/entry-page.tsx')) }],
        },
      },
    },
  },
})
