import { APPLICATION_STATUSES } from './application.ts'
import { z } from './zod.ts'

export const VERIFICATION_STATUSES = ['PENDING', 'STARTED', 'SUBMITTED', 'APPROVED', 'DENIED', 'EXPIRED'] as const
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number]

/** A field of the application that did not match the ID, with what to do about it. */
export const mismatchView = z.object({ field: z.string(), hint: z.string() })

/** What the applicant's own page shows of a verification session. */
export const verificationView = z.object({
  id: z.uuid(),
  status: z.enum(VERIFICATION_STATUSES),
  /** The URL the QR code encodes, also offered as a link for someone already on a phone. */
  url: z.string(),
  /** The QR code as a PNG data URL. */
  qrCode: z.string(),
  expiresAt: z.iso.datetime(),
  mismatches: z.array(mismatchView),
})
export type VerificationView = z.infer<typeof verificationView>

export const currentVerificationResponse = z.object({
  applicationStatus: z.enum(APPLICATION_STATUSES),
  verification: z.nullable(verificationView),
})
export type CurrentVerificationResponse = z.infer<typeof currentVerificationResponse>
