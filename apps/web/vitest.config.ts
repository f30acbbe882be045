import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Component tests: jsdom, the API mocked at the network level by MSW (src/testing/server.ts).
// Kept apart from vite.config.ts, whose build settings (chunks, dev proxy) tests do not need.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    // The SPA fetches relative URLs (`/api/...`): the document's URL is what they resolve against,
    // so MSW sees http://localhost/api/... .
    environmentOptions: { jsdom: { url: 'http://localhost/' } },
    setupFiles: ['src/testing/setup-requests.ts', 'src/testing/setup.ts'],
  },
})
