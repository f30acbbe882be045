import type pg from 'pg'

/**
 * Every row written to a data table, recorded by triggers in the same transaction: the check that
 * a rejected request changed nothing costs one indexed read per request instead of a digest of
 * every table, and says which row changed. Only for a throw-away database: the triggers are DDL
 * that schema.prisma does not know.
 *
 * Not recorded: rate-limit counters (they exist to count refused requests too), and updates that
 * only touch a session's or staff key's last-use time (using a credential is no change of data).
 */
const UNRECORDED_TABLES = ['_prisma_migrations', 'rate_limits', 'hostile_change_log']
const LAST_USE_COLUMNS = ['last_seen_at', 'last_used_at']

export interface RecordedChange {
  id: number
  table: string
  operation: 'INSERT' | 'UPDATE' | 'DELETE'
  /** application_events.type of an inserted event: the audit trail records refused transitions by design. */
  eventType: string | null
  row: string
}

export async function installChangeLog(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY tablename`,
    [UNRECORDED_TABLES],
  )
  const ignored = LAST_USE_COLUMNS.map((column) => ` - '${column}'`).join('')
  await pool.query(`
    CREATE TABLE hostile_change_log (id bigserial PRIMARY KEY, table_name text NOT NULL, operation text NOT NULL, event_type text, row_text text NOT NULL);
    CREATE FUNCTION hostile_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      changed jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
    BEGIN
      IF TG_OP = 'UPDATE' AND (to_jsonb(OLD)${ignored}) = (to_jsonb(NEW)${ignored}) THEN RETURN NULL; END IF;
      INSERT INTO hostile_change_log (table_name, operation, event_type, row_text)
        VALUES (TG_TABLE_NAME, TG_OP, CASE WHEN TG_TABLE_NAME = 'application_events' THEN changed->>'type' END, left(changed::text, 400));
      RETURN NULL;
    END $$;
  `)
  for (const { tablename } of rows) {
    await pool.query(`CREATE TRIGGER hostile_change AFTER INSERT OR UPDATE OR DELETE ON "${tablename}" FOR EACH ROW EXECUTE FUNCTION hostile_record_change()`)
  }
  return rows.map((row) => row.tablename)
}

/** Rows written since the change with id `afterId`, oldest first. */
export async function changesSince(pool: pg.Pool, afterId: number): Promise<RecordedChange[]> {
  const { rows } = await pool.query<{ id: string; table_name: string; operation: RecordedChange['operation']; event_type: string | null; row_text: string }>(
    'SELECT id, table_name, operation, event_type, row_text FROM hostile_change_log WHERE id > $1 ORDER BY id',
    [afterId],
  )
  return rows.map((row) => ({ id: Number(row.id), table: row.table_name, operation: row.operation, eventType: row.event_type, row: row.row_text }))
}

/**
 * What a refused request may still write: the record of a transition the rules refused (staff,
 * provider and owner moves are kept in the audit trail with their refusal).
 */
export const allowedAfterRefusal = (change: RecordedChange) =>
  change.table === 'application_events' && change.operation === 'INSERT' && change.eventType === 'TRANSITION_REFUSED'
