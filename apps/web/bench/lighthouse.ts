// pnpm bench: Lighthouse over the applicant's screens as `pnpm start` serves them (the built SPA
// and the API on a free loopback port, a fresh embedded database in a temporary DATA_DIR), on the
// desktop and on a phone. Prints performance, accessibility, best practices and CLS per screen.
// Chromium is the system's (CHROMIUM_PATH or /usr/bin/chromium): nothing is downloaded.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Flags } from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { validApplication } from '@kakunin/test-data/answers'
import { CHROMIUM_FLAGS, chromiumPath } from '@kakunin/test-data/chromium'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const distDir = process.env.WEB_DIST_DIR ?? path.join(repoRoot, 'apps/web/dist')
/** Below this, a screen's layout shift fails the bench (issue 13: no layout shift). */
const CLS_BUDGET = 0.05

// As the e2e suite starts Chromium, headless.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS]

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function waitForHealth(baseUrl: string, server: ChildProcess, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before it was healthy`)
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the server was not healthy within ${timeoutMs / 1000} s`)
}

/** The applicant's API as the SPA calls it: JSON, from the service's own origin, with the session cookie. */
function applicantApi(baseUrl: string) {
  let cookie = ''
  async function call(method: string, url: string, body?: unknown) {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { 'content-type': 'application/json', origin: baseUrl, ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const setCookie = response.headers.getSetCookie().map((header) => header.split(';')[0])
    if (setCookie.length > 0) cookie = setCookie.join('; ')
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`)
    return text ? (JSON.parse(text) as Record<string, unknown>) : {}
  }
  return { call, cookie: () => cookie }
}

interface Row {
  screen: string
  device: 'desktop' | 'mobile'
  performance: number
  accessibility: number
  bestPractices: number
  cls: number
  /** Milliseconds, as Lighthouse simulated them for the device. */
  fcp: number
  lcp: number
  tbt: number
  /** The best-practices audits that failed, by id: what to look at when the score is under 100. */
  failing: string[]
}

/** Lighthouse now and then loses its trace (NO_NAVSTART, NO_FCP on a busy machine): one more try. */
async function audit(url: string, screen: string, device: Row['device'], port: number, cookie?: string): Promise<Row> {
  try {
    return await auditOnce(url, screen, device, port, cookie)
  } catch (error) {
    console.error(`${screen} ${device}: ${(error as Error).message}; trying once more`)
    return auditOnce(url, screen, device, port, cookie)
  }
}

async function auditOnce(url: string, screen: string, device: Row['device'], port: number, cookie?: string): Promise<Row> {
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  }
  const result = await lighthouse(url, flags, device === 'desktop' ? desktopConfig : undefined)
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
  const { categories, audits, runtimeError } = result.lhr
  if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`)
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100)
  return {
    screen,
    device,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    fcp: audits['first-contentful-paint']?.numericValue ?? Number.NaN,
    lcp: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbt: audits['total-blocking-time']?.numericValue ?? Number.NaN,
    failing: (categories['best-practices']?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id),
  }
}

function printTable(rows: Row[]) {
  const header = ['screen', 'device', 'performance', 'accessibility', 'best practices', 'CLS', 'FCP ms', 'LCP ms', 'TBT ms', 'best practices failing']
  const ms = (value: number) => Math.round(value)
  const cells = rows.map((row) =>
    [row.screen, row.device, row.performance, row.accessibility, row.bestPractices, row.cls.toFixed(3), ms(row.fcp), ms(row.lcp), ms(row.tbt), row.failing.join(' ') || '-'].map(String),
  )
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]?.length ?? 0)))
  const line = (values: string[]) => values.map((value, column) => value.padEnd(widths[column] ?? 0)).join('  ')
  console.log(line(header))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const values of cells) console.log(line(values))
}

async function main() {
  if (!chromiumPath) throw new Error('no Chromium found: set CHROMIUM_PATH (the bench downloads no browser)')
  if (!fs.existsSync(path.join(distDir, 'index.html'))) throw new Error(`no built SPA in ${distDir}: run pnpm build (pnpm bench builds it first)`)

  const [port, postgresPort] = [await freePort(), await freePort()]
  const baseUrl = `http://127.0.0.1:${port}`
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-lighthouse-'))
  fs.chmodSync(dataDir, 0o755) // as root, PostgreSQL runs as its own user and must enter it
  // The API as `pnpm start` runs it, minus the build (done before), as the e2e webServer does.
  const server = spawn('pnpm', ['--filter', '@kakunin/api', 'start'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      DATABASE_URL: '',
      WEB_DIST_DIR: distDir,
      LOG_LEVEL: 'warn',
      PUBLIC_BASE_URL: baseUrl,
      SMTP_URL: '',
    },
  })
  let chrome: chromeLauncher.LaunchedChrome | undefined
  try {
    await waitForHealth(baseUrl, server, 180_000)

    // An application with every step saved reaches any step and 登録情報確認.
    const applicant = applicantApi(baseUrl)
    const created = await applicant.call('POST', '/api/applications', { flow: 'FIRST_TIME' })
    const id = created.id as string
    let version = created.version as number
    for (const [step, values] of Object.entries(validApplication)) {
      ;({ version } = (await applicant.call('PUT', `/api/applications/${id}/steps/${step}`, { version, values })) as { version: number })
    }

    chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: CHROME_FLAGS })
    const rows: Row[] = []
    const screens: { screen: string; url: () => Promise<string>; cookie?: string }[] = [
      { screen: '/ (entry)', url: async () => `${baseUrl}/` },
      { screen: '/apply/user', url: async () => `${baseUrl}/apply/user`, cookie: applicant.cookie() },
      { screen: '/apply/confirm', url: async () => `${baseUrl}/apply/confirm`, cookie: applicant.cookie() },
      {
        screen: '/m/verify/:token',
        // Sent, then 本人確認 started: the QR code's URL opens the phone's capture page.
        url: async () => {
          await applicant.call('POST', `/api/applications/${id}/submit`, { version })
          const started = await applicant.call('POST', `/api/applications/${id}/verifications`, {})
          return started.url as string
        },
      },
    ]
    // LIGHTHOUSE_SCREENS=/apply/user,/ (entry) audits only those (while working on one screen).
    const only = process.env.LIGHTHOUSE_SCREENS?.split(',')
    for (const { screen, url, cookie } of screens.filter((entry) => !only || only.includes(entry.screen))) {
      const address = await url()
      for (const device of ['desktop', 'mobile'] as const) rows.push(await audit(address, screen, device, chrome.port, cookie))
    }
    printTable(rows)
    const shifting = rows.filter((row) => !(row.cls < CLS_BUDGET))
    if (shifting.length > 0) {
      console.error(`CLS at or above ${CLS_BUDGET}: ${shifting.map((row) => `${row.screen} ${row.device}`).join(', ')}`)
      process.exitCode = 1
    }
  } finally {
    chrome?.kill()
    // The whole group: pnpm and the server under it; the server stops its PostgreSQL on SIGTERM.
    if (server.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      process.kill(-server.pid, 'SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))])
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
