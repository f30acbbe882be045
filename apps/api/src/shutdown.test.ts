import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Port 1 on loopback: nothing listens there.
const UNREACHABLE = 'postgresql://nobody:secret@127.0.0.1:1/kakunin'

function run(command: string, args: string[], env: Record<string, string>, onOutput?: (text: string) => void) {
  const child = spawn(command, args, { cwd: apiDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    onOutput?.(output)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

describe('process lifecycle', () => {
  it('stops on SIGTERM with exit code 0 and no warning: the app closes before the embedded PostgreSQL stops', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kakunin-shutdown-'))
    fs.chmodSync(dataDir, 0o755) // as root, PostgreSQL runs as its own user and must enter it
    dirs.push(dataDir)
    let started: () => void = () => {}
    const listening = new Promise<void>((resolve) => (started = resolve))
    const server = run(process.execPath, ['src/server.ts'], {
      DATA_DIR: dataDir,
      PORT: '0',
      WEB_DIST_DIR: '/nonexistent',
      NODE_ENV: 'development',
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
    }, (text) => {
      if (text.includes('kakunin is running at')) started()
    })
    await Promise.race([listening, server.exited.then(() => { throw new Error(`the server stopped: ${server.output()}`) })])
    // Connections in the pool, as after any traffic: they were what a premature stop cut off.
    const port = /running at http:\/\/[^:]+:(\d+)\//.exec(server.output())?.[1]
    const probes = await Promise.all([1, 2, 3].map(() => fetch(`http://127.0.0.1:${port}/api/health/ready`)))
    expect(probes.map((response) => response.status)).toEqual([200, 200, 200])
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postgres/postmaster.pid'), 'utf8').split('\n')[0])
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    const warnings = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((line) => line.level >= 40)
    expect(warnings).toEqual([])
    expect(server.output()).toContain('"msg":"shutting down"')
    expect(() => process.kill(postmaster, 0)).toThrow() // PostgreSQL is gone too
  }, 60_000)

  it('fails the API test run, saying why, when its database is unreachable', async () => {
    const vitest = run(process.execPath, [path.join(apiDir, 'node_modules/vitest/vitest.mjs'), 'run', 'src/health/health.test.ts'], {
      DATABASE_URL: UNREACHABLE,
      TEST_DATABASE_URL: UNREACHABLE,
    })
    expect(await vitest.exited).not.toBe(0)
    expect(vitest.output()).toContain('The API tests need PostgreSQL, and TEST_DATABASE_URL (127.0.0.1:1, user nobody) could not be used')
    expect(vitest.output()).not.toContain('secret')
  }, 60_000)
})
