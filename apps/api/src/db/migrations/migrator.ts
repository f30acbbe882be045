import type { DiffTarget, HistoryDiagnostic } from '@prisma/schema-engine-wasm'
import type { EngineSession } from './schema-engine.ts'
import { readMigrations, readSchema, writeMigration } from './migration-files.ts'
import { allRecordedAsApplied } from './recorded-migrations.ts'

const filters = { externalTables: [], externalEnums: [] }

async function withEngine<T>(url: string, run: (session: EngineSession) => Promise<T>): Promise<T> {
  // Loaded on first use: a start with nothing to migrate never needs the engine's bindings.
  const { openSchemaEngine } = await import('./schema-engine.ts')
  const session = await openSchemaEngine(url, readSchema())
  try {
    return await run(session)
  } finally {
    await session.close()
  }
}

/**
 * Applies pending migrations and records them in Prisma's own `_prisma_migrations` table with the
 * same checksums, so `prisma migrate deploy` agrees on machines that have the native engine.
 */
export async function applyMigrations(url: string): Promise<string[]> {
  const migrationsList = readMigrations()
  if (await allRecordedAsApplied(url, migrationsList)) return []
  return withEngine(url, async ({ engine }) => {
    const result = await engine.applyMigrations({ migrationsList, filters })
    return result.appliedMigrationNames
  })
}

export interface MigrationStatus {
  total: number
  pending: string[]
  failed: string[]
  edited: string[]
  /** Applied in the database but missing from prisma/migrations. */
  unknown: string[]
  upToDate: boolean
}

export function migrationStatus(url: string): Promise<MigrationStatus> {
  return withEngine(url, async ({ engine }) => {
    const migrationsList = readMigrations()
    const result = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters })
    const history: HistoryDiagnostic | null = result.history
    const pending =
      history && history.diagnostic !== 'migrationsDirectoryIsBehind' ? history.unappliedMigrationNames : []
    const unknown =
      history && history.diagnostic !== 'databaseIsBehind' ? history.unpersistedMigrationNames : []
    return {
      total: migrationsList.migrationDirectories.length,
      pending,
      failed: result.failedMigrationNames,
      edited: result.editedMigrationNames,
      unknown,
      upToDate: history === null && result.failedMigrationNames.length === 0 && result.editedMigrationNames.length === 0,
    }
  })
}

/**
 * The SQL that would bring the migrations up to schema.prisma; empty when they agree. The
 * migrations are replayed into a throw-away shadow database on the server at `url`.
 */
export function pendingSchemaChanges(url: string): Promise<string> {
  return withEngine(url, async ({ engine }) => {
    const list = readMigrations()
    const from: DiffTarget = list.migrationDirectories.length > 0 ? { tag: 'migrations', ...list } : { tag: 'empty' }
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [readSchema()] },
      script: true,
      exitCode: true,
      filters,
    })
    return result.exitCode === 2 ? (result.stdout ?? '') : ''
  })
}

/** Writes a new migration holding what schema.prisma has and the migrations lack; null when none. */
export async function createMigration(url: string, name: string): Promise<string | null> {
  const sql = await pendingSchemaChanges(url)
  return sql.trim() ? writeMigration(name, sql) : null
}
