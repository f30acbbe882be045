import type { Prisma } from '#src/db/prisma-plugin.ts'
import type { ApplicationRecord } from '#src/staff/read-application.ts'
import { recordOf } from '#src/staff/verification-record.ts'

/**
 * The 確認記録 as staff export it: once approved, the record frozen then, exactly as stored, with
 * its digest and the 付記 added since; before that, the record as it stands (`frozen: null`). The
 * history and the emails are always the current ones: they keep growing, so they are not frozen.
 */
export async function exportedRecord(prisma: Prisma, read: ApplicationRecord) {
  const live = await recordOf(prisma, read)
  const frozen = await prisma.verificationRecord.findFirst({
    where: { applicationId: read.id },
    orderBy: { createdAt: 'desc' },
    include: { notes: { orderBy: { createdAt: 'asc' } } },
  })
  const { history, emails } = live
  if (!frozen) return { ...live, currentStatus: live.status, frozen: null, history, emails }
  return {
    ...(frozen.record as Record<string, unknown>),
    reference: live.reference,
    // The frozen `status` is the one decided; what the application is now may have moved on.
    currentStatus: live.status,
    frozen: {
      at: frozen.createdAt.toISOString(),
      digest: frozen.digest,
      recordVersion: frozen.recordVersion,
      notes: frozen.notes.map((note) => ({ at: note.createdAt.toISOString(), text: note.text, by: { name: note.personName, department: note.department } })),
    },
    history,
    emails,
  }
}
