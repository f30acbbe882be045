import { RECORD_VERSION as CURRENT } from '@kakunin/schema/verification-record'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { loadApplicationRecord } from '#src/staff/read-application.ts'
import { recordOf } from '#src/staff/verification-record.ts'
import { recordDigest } from './record-digest.ts'

/**
 * The shape of a frozen record (packages/schema/src/verification-record.ts); a later shape gets a
 * new number, old records keep theirs and are exported as they were stored. 1: the first record
 * (UTC dates, English keys); 2: the typed record in the order of 施行規則20条1項.
 */
export const RECORD_VERSION = CURRENT

/** The 確認記録 as it stands (the history and the emails keep growing, so they are not part of it). */
export async function currentRecord(tx: TransactionClient, applicationId: string) {
  return recordOf(tx, await loadApplicationRecord(tx, applicationId))
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
