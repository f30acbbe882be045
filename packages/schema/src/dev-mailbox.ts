import { z } from './zod.ts'

/** One email as the development mailbox shows it (outside production). */
export const mailView = z.object({
  id: z.uuid(),
  template: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  status: z.enum(['PENDING', 'SENT', 'FAILED']),
  deliveredTo: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
})
export type MailView = z.infer<typeof mailView>

export const mailboxResponse = z.object({ mails: z.array(mailView) })
export type MailboxResponse = z.infer<typeof mailboxResponse>
