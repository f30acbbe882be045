import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { repoRoot } from '#src/config/config.ts'
import { createDatabaseIfMissing, dropDatabase } from '#src/db/database.ts'
import { productionBaseEnv, trustdockEnv } from '#src/test/production-env.ts'

// `pnpm release` as the Dockerfile's build stage runs it, then the bundle started the way the
// image starts it: production dependencies only, in production mode, on a database it migrates.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-release-'))
const built = path.join(workDir, 'built')
// Moved after the build: a path into the build location or the checkout would no longer resolve.
const bundle = path.join(workDir, 'deployed')
const databaseName = `kakunin_release_${randomBytes(6).toString('hex')}`
let server: ChildProcess | undefined

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGKILL')
    await new Promise((resolve) => server!.once('exit', resolve))
  }
  await dropDatabase(inject('maintenanceUrl'), databaseName).catch(() => {})
  fs.rmSync(workDir, { recursive: true, force: true })
})

const tail = (text: string) => text.slice(-3000)

/** Every symbolic link below `dir` that is absolute or leads outside it. */
function linksLeaving(dir: string): string[] {
  const leaving: string[] = []
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isSymbolicLink()) continue
    const link = path.join(entry.parentPath, entry.name)
    const target = fs.readlinkSync(link)
    if (path.isAbsolute(target) || path.relative(dir, path.resolve(path.dirname(link), target)).startsWith('..')) leaving.push(`${link} -> ${target}`)
  }
  return leaving
}

function waitForBanner(child: ChildProcess, output: { text: string }, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up banner within ${timeoutMs / 1000} s:\n${tail(output.text)}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output.text += chunk.toString()
      const url = /kakunin is running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output.text)?.[1]
      if (url) {
        clearTimeout(timer)
        resolve(url)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the bundle exited with ${code} before it was running:\n${tail(output.text)}`))
    })
  })
}

describe('the release bundle', () => {
  it('builds, and starts with production dependencies only: migrations applied, the SPA and the health route served', async () => {
    const release = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/release.mjs'), '--out', built], { encoding: 'utf8', timeout: 240_000 })
    expect(release.status, tail(`${release.stdout}\n${release.stderr}`)).toBe(0)
    fs.renameSync(built, bundle)

    // Nothing a checkout has for development or tests: the API's own dependencies only, and no build tool.
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'apps/api/package.json'), 'utf8')) as { dependencies: Record<string, string> }
    const modules = path.join(bundle, 'apps/api/node_modules')
    const linked = fs.readdirSync(modules).filter((name) => !name.startsWith('.')).flatMap((name) => (name.startsWith('@') ? fs.readdirSync(path.join(modules, name)).map((inner) => `${name}/${inner}`) : [name]))
    expect(linked.sort()).toEqual(Object.keys(manifest.dependencies).sort())
    expect(fs.readdirSync(path.join(modules, '.pnpm')).filter((name) => /^(vite|vitest|typescript|tsx|@vitejs\+[^@]+)@/.test(name))).toEqual([])
    const testFiles = ['apps/api/src', 'packages'].flatMap((dir) =>
      fs.readdirSync(path.join(bundle, dir), { recursive: true, encoding: 'utf8' }).filter((file) => !file.includes('node_modules') && /\.test\.ts$|(^|\/)test\//.test(file)),
    )
    expect(testFiles).toEqual([])
    expect(linksLeaving(bundle)).toEqual([])

    const maintenanceUrl = inject('maintenanceUrl')
    await createDatabaseIfMissing(maintenanceUrl, databaseName)
    const databaseUrl = new URL(maintenanceUrl)
    databaseUrl.pathname = `/${databaseName}`

    server = spawn(process.execPath, ['--import', './apps/api/src/compile-cache.ts', 'apps/api/src/server.ts'], {
      cwd: bundle,
      env: {
        PATH: process.env.PATH,
        ...productionBaseEnv,
        ...trustdockEnv,
        DATABASE_URL: databaseUrl.toString(),
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output = { text: '' }
    const baseUrl = await waitForBanner(server, output, 90_000)

    const health = await fetch(`${baseUrl}/api/health/ready`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok' })

    const page = await fetch(`${baseUrl}/apply/user`, { headers: { accept: 'text/html' } })
    expect(page.status).toBe(200)
    const index = await page.text()
    expect(index).toBe(fs.readFileSync(path.join(bundle, 'apps/web/dist/index.html'), 'utf8'))
    // The entry script and the chunks it preloads (the entry itself may be a few hundred bytes
    // that import the first screen's chunk).
    const scripts = [...index.matchAll(/<(?:script type="module"[^>]* src|link rel="modulepreload"[^>]* href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!)
    expect(scripts.length).toBeGreaterThan(0)
    let served = 0
    for (const asset of scripts) {
      const script = await fetch(`${baseUrl}${asset}`)
      expect(script.status, asset).toBe(200)
      expect(script.headers.get('content-type'), asset).toMatch(/javascript/)
      served += (await script.text()).length
    }
    expect(served).toBeGreaterThan(100_000)
    // Production: no API documentation.
    expect((await fetch(`${baseUrl}/docs`)).status).toBe(404)

    const client = new pg.Client({ connectionString: databaseUrl.toString() })
    await client.connect()
    try {
      const { rows } = await client.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1')
      const migrations = fs.readdirSync(path.join(bundle, 'prisma/migrations'), { withFileTypes: true }).filter((entry) => entry.isDirectory())
      expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((entry) => entry.name).sort())
    } finally {
      await client.end()
    }

    const exited = new Promise<number | null>((resolve) => server!.once('exit', resolve))
    server.kill('SIGTERM')
    expect(await exited, tail(output.text)).toBe(0)
  }, 300_000)
})
