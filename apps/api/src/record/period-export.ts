import { Readable } from 'node:stream'
import type pg from 'pg'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
import type { RecordExportQuery, StaffPerson } from '@kakunin/schema/staff'
import type { Prisma } from '#src/db/prisma-plugin.ts'
import { csvCell } from '#src/staff/verification-record.ts'

/** Rows read per query: memory stays the same whatever the period holds. */
const BATCH = 500

interface FrozenRow {
  id: string
  application_id: string
  record_version: number
  record: FrozenRecord
  digest: string
  created_at: Date
  notes: { at: string; text: string; by: StaffPerson }[]
}

/** The items of a version-1 record the CSV names (see staff/verification-record.ts). */
interface FrozenRecord {
  reference?: string
  verifiedBy?: { actorType?: string; actorId?: string | null; person?: StaffPerson | null; at?: string } | null
  recordCreatedBy?: string
  documentReceivedAt?: string | null
  transactionDate?: string | null
  transactionKind?: string
  verificationMethodLabel?: string | null
  documentType?: string | null
  verificationProvider?: { provider: string; reference: string } | null
  lawfulVerification?: boolean | null
  customer?: { name: string; nameKana: string; birthDate: string; address: string } | null
  alias?: { name: string; kind: string | null; reason: string | null } | null
  agent?: { name: string; relationship: string | null } | null
  purposes?: string[]
  occupation?: string | null
  foreignPep?: string | null
  accountSid?: string | null
  highRisk?: { grounds: string[]; approvedBy: string | null } | null
}

const jst = (at: string | Date | null | undefined) => (at ? formatJapanDateTime(at) : '')
const person = (who: StaffPerson | null | undefined) => (who ? `${who.name}（${who.department}）` : '')

/** The CSV's columns, Japanese names first, in the order of the record. */
const COLUMNS: [string, (row: FrozenRow) => unknown][] = [
  ['受付番号', (row) => row.record.reference],
  ['確認記録ID', (row) => row.id],
  ['確認記録の作成日時', (row) => jst(row.created_at)],
  ['ダイジェスト（SHA-256）', (row) => row.digest],
  ['確認を行った者', (row) => person(row.record.verifiedBy?.person) || [row.record.verifiedBy?.actorType, row.record.verifiedBy?.actorId].filter(Boolean).join(':')],
  ['確認を行った日時', (row) => jst(row.record.verifiedBy?.at)],
  ['確認記録の作成者', (row) => row.record.recordCreatedBy],
  ['本人確認書類の受領日時', (row) => jst(row.record.documentReceivedAt)],
  ['取引日', (row) => jst(row.record.transactionDate)],
  ['取引の種類', (row) => row.record.transactionKind],
  ['本人確認の方法', (row) => row.record.verificationMethodLabel],
  ['本人確認書類', (row) => row.record.documentType],
  ['本人確認事業者', (row) => (row.record.verificationProvider ? `${row.record.verificationProvider.provider} ${row.record.verificationProvider.reference}` : '')],
  ['法令に基づく本人確認', (row) => (row.record.lawfulVerification === true ? 'はい' : row.record.lawfulVerification === false ? 'いいえ' : '')],
  ['氏名', (row) => row.record.customer?.name],
  ['フリガナ', (row) => row.record.customer?.nameKana],
  ['生年月日', (row) => row.record.customer?.birthDate],
  ['住居', (row) => row.record.customer?.address],
  ['通称', (row) => row.record.alias?.name],
  ['通称を用いる理由', (row) => row.record.alias?.reason],
  ['代理人の氏名', (row) => row.record.agent?.name],
  ['代理人と顧客の関係', (row) => row.record.agent?.relationship],
  ['取引を行う目的', (row) => row.record.purposes?.join('、')],
  ['職業', (row) => row.record.occupation],
  ['外国PEPs', (row) => row.record.foreignPep],
  ['Account SID', (row) => row.record.accountSid],
  ['高リスク取引の理由', (row) => row.record.highRisk?.grounds.join('、')],
  ['高リスク取引を承認した者', (row) => row.record.highRisk?.approvedBy],
  ['付記', (row) => row.notes.map((note) => `${jst(note.at)} ${person(note.by)}：${note.text}`).join('\n')],
]

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

const jsonLine = (row: FrozenRow) =>
  `${JSON.stringify({ recordId: row.id, applicationId: row.application_id, frozenAt: row.created_at.toISOString(), digest: row.digest, recordVersion: row.record_version, notes: row.notes, record: row.record })}\n`
const csvLine = (values: unknown[]) => `${values.map(csvCell).join(',')}\r\n`

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
      if (query.format === 'csv') yield `\ufeff${csvLine(COLUMNS.map(([name]) => name))}`
      for await (const row of frozenBetween(deps.pool, periodBounds(query))) {
        count += 1
        yield query.format === 'csv' ? csvLine(COLUMNS.map(([, value]) => value(row))) : jsonLine(row)
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
