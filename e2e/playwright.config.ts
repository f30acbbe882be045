import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_FLAGS, chromiumPath, e2e } from './support/environment.ts'

export default defineConfig({
  testDir: 'tests',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  globalTeardown: './support/global-teardown.ts',
  reporter: [['list']],
  use: {
    baseURL: e2e.baseURL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // The app exactly as `pnpm start` runs it, on a fresh embedded database in a temporary directory.
  webServer: {
    command: 'pnpm --dir .. start',
    url: `${e2e.baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(e2e.port),
      HOST: '127.0.0.1',
      DATA_DIR: e2e.dataDir!,
      EMBEDDED_POSTGRES_PORT: String(e2e.postgresPort),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      // QR codes and emailed links point at the server under test (not localhost:PORT).
      PUBLIC_BASE_URL: e2e.baseURL,
      // Mail goes to the development mailbox, which the tests read.
      SMTP_URL: '',
      OUTBOX_POLL_MS: '200',
      // The sandbox reviewer decides quickly, but not at once: the desktop sees IN_REVIEW first.
      SANDBOX_EKYC_REVIEW_DELAY_MS: '1500',
      // Every test comes from one address: the per-client limits must not decide the results.
      LINK_CHECK_RATE_LIMIT: '1000',
      INQUIRY_RATE_LIMIT: '1000',
      CREATE_APPLICATION_RATE_LIMIT: '100000',
      EMAIL_RATE_LIMIT: '100000',
      SUBMIT_RATE_LIMIT: '100000',
      VERIFICATION_RATE_LIMIT: '100000',
      RESUME_RENEW_RATE_LIMIT: '100000',
      SANDBOX_PHONE_RATE_LIMIT: '100000',
    },
  },
})
