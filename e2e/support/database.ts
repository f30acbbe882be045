import pg from 'pg'
import { e2e } from './environment.ts'

/** Reads the server's database directly, to check what a flow left behind. */
export async function queryDatabase<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2e.databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(sql, params)).rows
  } finally {
    await client.end()
  }
}

/** The status of the application with this 受付番号, as stored. */
export async function statusOf(reference: string): Promise<string> {
  const [row] = await queryDatabase<{ status: string }>('SELECT status FROM applications WHERE reference = $1', [reference])
  if (!row) throw new Error(`no application ${reference}`)
  return row.status
}
