import { REVIEW_DOCUMENT_LABELS, requiredReviewDocuments, type ReviewDocumentKind } from '@kakunin/schema/high-risk'
import type { AppDeps } from '#src/deps.ts'
import { ApiError, conflict, notFound } from '#src/http/api-error.ts'
import { answersOf } from '#src/state/approval-evidence.ts'
import { recordEvent } from '#src/state/event-log.ts'
import { readDocument } from '#src/http/document-type.ts'

/**
 * 高リスク取引: the applicant uploads what enhanced review asks for. Kept with the record (the bytes
 * and their SHA-256), never replaced: a second upload of a kind is a second document.
 */
export async function uploadReviewDocument(deps: Pick<AppDeps, 'prisma' | 'clock'>, applicationId: string, kind: ReviewDocumentKind, bytes: Buffer) {
  const { prisma } = deps
  const now = deps.clock()
  const application = await prisma.application.findUnique({ where: { id: applicationId } })
  if (!application) throw notFound('お申し込みが見つかりません')
  if (application.status !== 'ENHANCED_REVIEW') throw conflict('このお申し込みでは、追加の書類の提出は必要ありません。')
  if (!requiredReviewDocuments(answersOf(application)).includes(kind)) {
    throw new ApiError(400, 'VALIDATION_FAILED', 'このお申し込みでは、この書類の提出は必要ありません。', { kind: 'この書類の提出は必要ありません' })
  }
  const { type, sha256 } = readDocument(bytes, REVIEW_DOCUMENT_LABELS[kind])
  await prisma.$transaction(async (tx) => {
    const document = await tx.reviewDocument.create({ data: { applicationId, kind, type, bytes: bytes.length, sha256, content: new Uint8Array(bytes), createdAt: now } })
    await recordEvent(tx, applicationId, { type: 'REVIEW_DOCUMENT_UPLOADED', actorType: 'APPLICANT', actorId: null, data: { documentId: document.id, kind, type, bytes: bytes.length, sha256 } }, now)
  })
}
