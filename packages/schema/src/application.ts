import { draftAnswers } from './form/application-form.ts'
import { RESUME_POINTS } from './form/steps.ts'
import { stepDrafts } from './form/step-drafts.ts'
import { APPLICATION_FLOWS } from './application-flow.ts'
import { REVIEW_DOCUMENT_KINDS } from './high-risk.ts'
import { z } from './zod.ts'

export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'VERIFYING',
  'IN_REVIEW',
  /** 高リスク取引 (犯収法4条2項): approved by the provider, awaiting more documents and a 統括管理者's decision. */
  'ENHANCED_REVIEW',
  'APPROVED',
  'DENIED',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  DRAFT: '下書き',
  SUBMITTED: '申込済み',
  VERIFYING: '本人確認中',
  IN_REVIEW: '審査中',
  ENHANCED_REVIEW: '追加確認中',
  APPROVED: '承認',
  DENIED: '否認',
}

/** `KYC-YYYYMMDD-NNNN`: the day in Japan time and that day's sequence number. */
export const referencePattern = /^KYC-\d{8}-\d{4,}$/


/** Optimistic concurrency: a positive int4, as the column stores it. */
export const version = z.int().check(z.positive(), z.maximum(2_147_483_647))

export const applicationSummary = z.object({
  id: z.uuid(),
  reference: z.string().check(z.regex(referencePattern)),
  flow: z.enum(APPLICATION_FLOWS),
  status: z.enum(APPLICATION_STATUSES),
  version,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type ApplicationSummary = z.infer<typeof applicationSummary>

/** What the applicant's own session may read: the summary, the answers so far and where to resume. */
export const applicantApplication = z.object({
  ...applicationSummary.shape,
  answers: draftAnswers,
  /** Fields of steps saved as a draft (下書き保存 with some fields still wrong), kept apart from the answers. */
  drafts: z.optional(stepDrafts),
  resumeAt: z.nullable(z.enum(RESUME_POINTS)),
  submittedAt: z.nullable(z.iso.datetime()),
  /**
   * When DENIED: which answers did not match the ID (dotted paths) and what to do, for the correction;
   * `values`, those fields as they were denied (by the same paths), tells a correction from an
   * answer left as it was.
   */
  denial: z.nullable(
    z.object({ fields: z.array(z.string()), hints: z.array(z.string()), values: z.optional(z.record(z.string(), z.unknown())) }),
  ),
  /** 2回目以降, once sent: the confirmation emailed to the owner of the verified account (address masked). */
  ownerConfirmation: z.nullable(
    z.object({ sentTo: z.string(), expiresAt: z.iso.datetime(), status: z.enum(['PENDING', 'CONFIRMED', 'DECLINED', 'EXPIRED']) }),
  ),
  /** In ENHANCED_REVIEW: the documents asked for, and those already uploaded. */
  enhancedReview: z.nullable(z.object({ required: z.array(z.enum(REVIEW_DOCUMENT_KINDS)), uploaded: z.array(z.enum(REVIEW_DOCUMENT_KINDS)) })),
})
export type ApplicantApplication = z.infer<typeof applicantApplication>

/** Saving one step: the version the client read (optimistic concurrency) and where to resume. */
export function saveStepBody<S extends z.ZodMiniType>(values: S) {
  return z.strictObject({
    version,
    values,
    resumeAt: z.optional(z.enum(RESUME_POINTS)),
  })
}

export const submitBody = z.strictObject({ version })

export const STALE_VERSION_MESSAGE =
  'このお申し込みは別の画面または端末で更新されています。ページを再読み込みして、最新の内容をご確認ください。'
