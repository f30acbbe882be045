import fs from 'node:fs'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils'
import type { SchemaEngine } from '@prisma/schema-engine-wasm'
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg'

// Node 20's type definitions have no WebAssembly global; this is the part used here.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>
}

// Prisma's schema engine compiled to WebAssembly: the same code as the native engine that
// `prisma migrate` downloads, which this machine cannot fetch. The package is built for bundlers,
// so in plain Node the module is instantiated by hand, once per process.
let engineClass: Promise<typeof SchemaEngine> | undefined

function loadEngineClass(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm')
    const wasm = fs.readFileSync(path.join(path.dirname(entry), 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(wasm, {
      './schema_engine_bg.js': bindings,
    })
    bindings.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start: () => void }).__wbindgen_start()
    // Without a registry the engine's panics surface as unreadable "unreachable" traps.
    ;(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => console.error(`[schema engine panic] ${message}`),
    }
    return bindings.SchemaEngine
  })()
  return engineClass
}

// The engine's schema inspection selects PostgreSQL "char" columns (OID 18), which adapter-pg
// cannot decode. Read them as text at the pg level, remember which columns they were (keyed by
// the rows array, which adapter-pg passes through) and tag them as Character for the engine.
const charColumns = new WeakMap<object, number[]>()
const CHAR_OID = 18
const TEXT_OID = 25

function inspectionSafePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 })
  pool.on('error', () => {}) // an idle connection dropped by the server is replaced on demand
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult | pg.QueryResult[]>
  ;(pool as { query: unknown }).query = async (...args: unknown[]) => {
    const result = await query(...args)
    for (const part of Array.isArray(result) ? result : [result]) {
      const indexes: number[] = []
      part.fields?.forEach((field, index) => {
        if (field.dataTypeID === CHAR_OID) {
          field.dataTypeID = TEXT_OID
          indexes.push(index)
        }
      })
      if (indexes.length > 0) charColumns.set(part.rows, indexes)
    }
    return result
  }
  return pool
}

/**
 * Makes adapter-pg behave like the native engine's PostgreSQL connector for migrations:
 * - "char" columns come back tagged as Character (see above);
 * - a migration script runs as one multi-statement query, as the native engine sends it. adapter-pg
 *   splits scripts on every ";", which breaks function bodies and string literals, and would apply
 *   half a failed migration; one simple-protocol query is a single implicit transaction.
 */
function engineCompatible(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter)
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query)
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character
    return result
  }
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script)
    } catch (error) {
      // adapter-pg's own conversion into the error shape the engine reports
      ;(adapter as unknown as { onError(error: unknown): never }).onError(error)
    }
  }
  return adapter
}

/**
 * A migration-aware adapter factory. PrismaPg's own shadow database would connect to the main
 * database (a connection string overrides `database` in pg), so shadow databases are created and
 * dropped here instead.
 */
function migrationAdapterFactory(url: string) {
  const admin = inspectionSafePool(url)
  const main = new PrismaPg(admin)
  const shadows = new Set<string>()
  const dropShadow = async (name: string) => {
    shadows.delete(name)
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  }
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: main.adapterName,
    connect: async () => engineCompatible(await main.connect(), admin),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`
      await admin.query(`CREATE DATABASE "${name}"`)
      shadows.add(name)
      const shadowUrl = new URL(url)
      shadowUrl.pathname = `/${name}`
      const pool = inspectionSafePool(shadowUrl.toString())
      const adapter = engineCompatible(await new PrismaPg(pool, { disposeExternalPool: true }).connect(), pool)
      const dispose = adapter.dispose.bind(adapter)
      adapter.dispose = async () => {
        await dispose()
        await dropShadow(name)
      }
      return adapter
    },
  }
  return {
    factory,
    async close() {
      // The engine does not always await a shadow adapter's dispose(): drop what is left.
      for (const name of [...shadows]) await dropShadow(name).catch(() => {})
      await admin.end()
    },
  }
}

export interface EngineSession {
  engine: SchemaEngine
  close(): Promise<void>
}

/** Opens the schema engine on `url` with the given schema.prisma contents. Always close() it. */
export async function openSchemaEngine(url: string, schema: { path: string; content: string }): Promise<EngineSession> {
  const SchemaEngineClass = await loadEngineClass()
  const { factory, close } = migrationAdapterFactory(url)
  const logs: string[] = []
  try {
    const engine = await SchemaEngineClass.new(
      { datamodels: [[schema.path, schema.content]] },
      (message: string) => logs.push(message),
      bindMigrationAwareSqlAdapterFactory(factory),
    )
    return {
      engine,
      async close() {
        engine.free()
        await close()
      },
    }
  } catch (error) {
    await close()
    throw error
  }
}
