import { japanInstant } from '@kakunin/schema/japan-time'
import type { LegacyVerificationRecord, VerificationRecord, VerificationRecordExport } from '@kakunin/schema/verification-record'
import type { Prisma } from '#src/db/prisma-plugin.ts'
import type { ApplicationRecord } from '#src/staff/read-application.ts'
import { recordHistory, recordOf } from '#src/staff/verification-record.ts'
import { RECORD_VERSION } from './freeze-record.ts'

/**
 * The 確認記録 as staff export it: once approved, the record frozen then, exactly as stored (an
 * older version as it was), with its digest and the 付記 added since; before that, the record as
 * it stands (`frozen: null`). The history and the emails are always the current ones: they keep
 * growing, so they are not frozen.
 */
export async function exportedRecord(prisma: Prisma, read: ApplicationRecord): Promise<VerificationRecordExport> {
  const frozen = await prisma.verificationRecord.findFirst({
    where: { applicationId: read.id },
    orderBy: { createdAt: 'desc' },
    include: { notes: { orderBy: { createdAt: 'asc' } } },
  })
  const { history, emails } = recordHistory(read)
  const base = { applicationId: read.id, reference: read.reference, currentStatus: read.status }
  if (!frozen) return { ...base, recordVersion: RECORD_VERSION, record: await recordOf(prisma, read), frozen: null, history, emails }
  return {
    ...base,
    recordVersion: frozen.recordVersion,
    record: frozen.record as VerificationRecord | LegacyVerificationRecord,
    frozen: {
      recordId: frozen.id,
      at: japanInstant(frozen.createdAt),
      digest: frozen.digest,
      notes: frozen.notes.map((note) => ({ at: japanInstant(note.createdAt), text: note.text, by: { name: note.personName, department: note.department } })),
    },
    history,
    emails,
  }
}
