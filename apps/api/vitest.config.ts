import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    // Every response through buildTestApp's inject is checked against the OpenAPI document.
    setupFiles: ['src/test/contract-setup.ts'],
    // One throw-away database for the run; files run one after another so counts stay meaningful.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
