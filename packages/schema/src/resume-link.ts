import { APPLICATION_STATUSES } from './application.ts'
import { RESUME_POINTS } from './form/steps.ts'
import { z } from './zod.ts'

/**
 * What an emailed resume link continues, shown before the link is used: enough for the person to
 * recognise their own application (the address masked), so a link planted by someone else is not
 * taken over unknowingly. Reading it does not use the link up.
 */
export const resumeLinkPreview = z.object({
  /** The Twilioコンソールログイン用メールアドレス, masked (t***@example.com). */
  sentTo: z.nullable(z.string()),
  /** 受付番号. */
  reference: z.string(),
  status: z.enum(APPLICATION_STATUSES),
})
export type ResumeLinkPreview = z.infer<typeof resumeLinkPreview>

/** A used link: where the application continues (the browser now has its session). */
export const resumeLinkRedeemed = z.object({
  status: z.enum(APPLICATION_STATUSES),
  resumeAt: z.nullable(z.enum(RESUME_POINTS)),
})
export type ResumeLinkRedeemed = z.infer<typeof resumeLinkRedeemed>
