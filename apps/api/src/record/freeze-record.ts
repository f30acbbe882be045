import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { loadApplicationRecord } from '#src/staff/read-application.ts'
import { recordOf } from '#src/staff/verification-record.ts'
import { recordDigest } from './record-digest.ts'

/** The shape of a frozen record; a later shape gets a new number, old records keep theirs. */
export const RECORD_VERSION = 1

/** The 確認記録 as it stands, without what keeps growing after the decision (history, emails). */
export async function currentRecord(tx: TransactionClient, applicationId: string) {
  const { history: _history, emails: _emails, ...record } = await recordOf(tx, await loadApplicationRecord(tx, applicationId))
  return record
}

/**
 * Inside the approving transaction (the transition module): the 確認記録 made 直ちに (犯収法6条1項),
 * stored with its digest. It is never rewritten: the table refuses UPDATE and DELETE.
 */
export async function freezeRecord(tx: TransactionClient, applicationId: string, now: Date) {
  const record = await currentRecord(tx, applicationId)
  // Through JSON, as jsonb will hand it back: the digest is over what is stored.
  const stored = JSON.parse(JSON.stringify(record)) as object
  return tx.verificationRecord.create({
    data: { applicationId, recordVersion: RECORD_VERSION, record: stored, digest: recordDigest(stored), createdAt: now },
  })
}
