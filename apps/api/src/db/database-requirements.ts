import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'

export interface DatabaseFacts {
  serverVersion: number
  encoding: string
  ctype: string
  collate: string
  trigram: string | null
}

/** What start-up checks of the server the API runs on: one small query. */
export async function readDatabaseFacts(pool: pg.Pool): Promise<DatabaseFacts> {
  const { rows } = await pool.query<{ server_version: string; encoding: string; ctype: string; collate: string; trigram: string | null }>(
    `SELECT current_setting('server_version_num') AS server_version, pg_encoding_to_char(d.encoding) AS encoding,
            d.datctype AS ctype, d.datcollate AS collate,
            (SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm') AS trigram
       FROM pg_database d WHERE d.datname = current_database()`,
  )
  const row = rows[0]
  if (!row) throw new Error('the current database is not in pg_database')
  return { serverVersion: Number(row.server_version), encoding: row.encoding, ctype: row.ctype, collate: row.collate, trigram: row.trigram }
}

const UTF8 = /utf-?8/i

/**
 * What the database lacks for this app to work well, as sentences for the operator: warnings, not
 * failures, since everything still works, only slower or less exactly.
 */
export function databaseWarnings(facts: DatabaseFacts): string[] {
  const warnings: string[] = []
  if (facts.serverVersion < 130000) warnings.push(`PostgreSQL ${Math.floor(facts.serverVersion / 10000)} is older than the 13 this app needs`)
  if (!UTF8.test(facts.encoding)) warnings.push(`the database encoding is ${facts.encoding}, not UTF8: Japanese text may not be stored`)
  // pg_trgm classifies characters by LC_CTYPE: under C or a non-UTF-8 locale, Japanese has no
  // trigrams, so name searches cannot use their index (about 20 times slower at 100,000 rows).
  if (!UTF8.test(facts.ctype)) {
    warnings.push(
      `the database's LC_CTYPE is "${facts.ctype}", not a UTF-8 locale: Japanese name searches cannot use their trigram index ` +
        '(about 20× slower); create the database with LC_CTYPE C.UTF-8 or ja_JP.UTF-8 (e.g. CREATE DATABASE … TEMPLATE template0 ENCODING \'UTF8\' LC_CTYPE \'C.UTF-8\')',
    )
  }
  if (facts.trigram === null) warnings.push('the pg_trgm extension is not installed: name searches will be slow (its migration creates it; the user may lack the right)')
  return warnings
}

/** Logs one warning per shortcoming of the database; nothing when it is as it should be. */
export async function warnAboutDatabase(pool: pg.Pool, log: FastifyBaseLogger): Promise<void> {
  try {
    for (const warning of databaseWarnings(await readDatabaseFacts(pool))) log.warn(`database: ${warning}`)
  } catch (error) {
    log.warn({ err: error }, 'database: could not check its locale and extensions')
  }
}
