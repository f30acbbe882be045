import { randomUUID } from 'node:crypto'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import type { RenderedEmail } from './templates.ts'

export interface EmailToSend {
  applicationId?: string | null
  to: string
  /** Where to send instead when `to` refuses the mail permanently (the 連絡用メールアドレス). */
  fallbackTo?: string | null
  email: RenderedEmail
}

/** A Message-ID of our own, fixed when the mail is queued, so every retry carries the same one. */
export const newMessageId = (fromAddress: string) => `<${randomUUID()}@${fromAddress.split('@')[1] ?? 'localhost'}>`

/**
 * An outbox row as it is queued, whichever way it is written (Prisma here, or inside the submit's
 * single statement): due at once, with its own Message-ID.
 */
export function outboxEmailRow(fromAddress: string, mail: EmailToSend, now: Date) {
  return {
    applicationId: mail.applicationId ?? null,
    template: mail.email.template,
    to: mail.to,
    fallbackTo: mail.fallbackTo ?? null,
    subject: mail.email.subject,
    text: mail.email.text,
    html: mail.email.html,
    messageId: newMessageId(fromAddress),
    createdAt: now,
    nextAttemptAt: now,
  }
}
export type OutboxEmailRow = ReturnType<typeof outboxEmailRow>

/** Queues an email inside the caller's transaction: it exists exactly when the change that causes it does. */
export function enqueueEmail(tx: TransactionClient, fromAddress: string, mail: EmailToSend, now: Date) {
  return tx.outboxEmail.create({ data: outboxEmailRow(fromAddress, mail, now) })
}
