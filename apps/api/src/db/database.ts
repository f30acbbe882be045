import pg from 'pg'
import type { Config } from '#src/config/config.ts'

export const EMBEDDED_DATABASE_NAME = 'kakunin'

export interface Database {
  url: string
  /** True when this process started the embedded server; false for DATABASE_URL or one already running. */
  embedded: boolean
  stop(): Promise<void>
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR, created on first use. */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_POSTGRES_PORT'>,
  log: (message: string) => void = () => {},
): Promise<Database> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => {} }
  // Loaded only here: the embedded-postgres package registers an exit hook when it loads, which
  // answers SIGTERM with process.exit(143) before a graceful close could finish.
  const { startEmbeddedPostgres } = await import('./embedded-postgres.ts')
  const cluster = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_POSTGRES_PORT, log })
  try {
    await createDatabaseIfMissing(cluster.url('postgres'), EMBEDDED_DATABASE_NAME)
  } catch (error) {
    await cluster.stop()
    throw error
  }
  return { url: cluster.url(EMBEDDED_DATABASE_NAME), embedded: true, stop: () => cluster.stop() }
}

export async function createDatabaseIfMissing(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
  } finally {
    await client.end()
  }
}

export async function dropDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)
  } finally {
    await client.end()
  }
}
