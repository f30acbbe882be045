import { Readable } from 'node:stream'
import type pg from 'pg'
import { japanInstant } from '@kakunin/schema/japan-time'
import type { RecordExportQuery, StaffPerson } from '@kakunin/schema/staff'
import type { FrozenRecordLine, LegacyVerificationRecord, VerificationRecord } from '@kakunin/schema/verification-record'
import type { Prisma } from '#src/db/prisma-plugin.ts'
import { BOM, cellsOf, csvLine, personCell, RECORD_CELL_NAMES, timeCell } from './record-csv.ts'

/** Rows read per query: memory stays the same whatever the period holds. */
const BATCH = 500

interface FrozenRow {
  id: string
  application_id: string
  record_version: number
  record: VerificationRecord | LegacyVerificationRecord
  digest: string
  created_at: Date
  notes: { at: string; text: string; by: StaffPerson }[]
}

const notesOf = (row: FrozenRow) => row.notes.map((note) => ({ at: japanInstant(note.at), text: note.text, by: { name: note.by.name, department: note.by.department } }))

/**
 * The CSV's columns: which frozen record, then every item of the record under its Japanese name
 * (RECORD_ITEM_LABELS), then the 付記. A record of an older version fills the columns it has.
 */
const META: [string, (row: FrozenRow) => string][] = [
  ['確認記録ID', (row) => row.id],
  ['確認記録の作成日時', (row) => timeCell(japanInstant(row.created_at))],
  ['ダイジェスト（SHA-256）', (row) => row.digest],
  ['確認記録の版', (row) => String(row.record_version)],
]
const COLUMNS = [...META.map(([name]) => name), ...RECORD_CELL_NAMES, '付記']

function csvRow(row: FrozenRow): string[] {
  const cells = new Map(cellsOf(row.record))
  const notes = notesOf(row).map((note) => `${timeCell(note.at)} ${personCell(note.by)}：${note.text}`).join('\n')
  return [...META.map(([, value]) => value(row)), ...RECORD_CELL_NAMES.map((name) => cells.get(name) ?? ''), notes]
}

/** Midnight in Japan at the start of a date, and of the day after the period's last. */
function periodBounds(query: RecordExportQuery): [Date, Date] {
  const end = new Date(`${query.decidedTo}T00:00:00+09:00`)
  end.setUTCDate(end.getUTCDate() + 1)
  return [new Date(`${query.decidedFrom}T00:00:00+09:00`), end]
}

/** The records frozen in the period, oldest first, read a batch at a time (keyset on time, id). */
async function* frozenBetween(pool: pg.Pool, [start, end]: [Date, Date]): AsyncGenerator<FrozenRow> {
  let after: [Date, string] | [null, null] = [null, null]
  for (;;) {
    const { rows }: { rows: FrozenRow[] } = await pool.query<FrozenRow>({
      name: 'frozen-records-between',
      text: `SELECT r.id, r.application_id, r.record_version, r.record, r.digest, r.created_at,
                    COALESCE((SELECT json_agg(json_build_object('at', n.created_at, 'text', n.text, 'by', json_build_object('name', n.person_name, 'department', n.department)) ORDER BY n.created_at)
                                FROM verification_record_notes n WHERE n.record_id = r.id), '[]'::json) AS notes
               FROM verification_records r
              WHERE r.created_at >= $1 AND r.created_at < $2
                AND ($3::timestamptz IS NULL OR (r.created_at, r.id) > ($3::timestamptz, $4::uuid))
              ORDER BY r.created_at, r.id
              LIMIT ${BATCH}`,
      values: [start, end, ...after],
    })
    yield* rows
    const last: FrozenRow | undefined = rows.at(-1)
    if (!last || rows.length < BATCH) return
    after = [last.created_at, last.id]
  }
}

const jsonLine = (row: FrozenRow) => {
  const line: FrozenRecordLine = { recordId: row.id, applicationId: row.application_id, frozenAt: japanInstant(row.created_at), digest: row.digest, recordVersion: row.record_version, notes: notesOf(row), record: row.record }
  return `${JSON.stringify(line)}\n`
}

/**
 * The audit export of a period, as a stream: JSON Lines (one frozen record with its digest and
 * 付記 per line) or CSV (Japanese column names, UTF-8 with BOM, cells guarded against formulas).
 * When it ends, or the client goes away, one row in `record_exports` says who took what.
 */
export function periodExport(deps: { pool: pg.Pool; prisma: Prisma; clock: () => Date }, query: RecordExportQuery, by: { staffKeyId: string; person: StaffPerson }) {
  async function* lines() {
    let count = 0
    let completed = false
    try {
      if (query.format === 'csv') yield `${BOM}${csvLine(COLUMNS)}`
      for await (const row of frozenBetween(deps.pool, periodBounds(query))) {
        count += 1
        yield query.format === 'csv' ? csvLine(csvRow(row)) : jsonLine(row)
      }
      completed = true
    } finally {
      await deps.prisma.recordExport.create({
        data: {
          staffKeyId: by.staffKeyId,
          personName: by.person.name,
          department: by.person.department,
          fromDate: query.decidedFrom,
          toDate: query.decidedTo,
          format: query.format,
          recordCount: count,
          completed,
          createdAt: deps.clock(),
        },
      })
    }
  }
  return Readable.from(lines())
}
