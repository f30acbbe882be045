import { z } from '@kakunin/schema/zod'
import { DOCUMENT_TYPES, SANDBOX_METHODS } from '@kakunin/schema/sandbox-ekyc'

/** The sandbox vendor's own webhook format; sandbox-provider maps it onto ProviderEvent. */
export const sandboxWebhookPayload = z.discriminatedUnion('type', [
  z.object({
    id: z.string(),
    type: z.literal('session.started'),
    created: z.iso.datetime(),
    session: z.object({ id: z.uuid(), method: z.enum(SANDBOX_METHODS), document_type: z.enum(DOCUMENT_TYPES) }),
  }),
  z.object({ id: z.string(), type: z.literal('session.submitted'), created: z.iso.datetime(), session: z.object({ id: z.uuid() }) }),
  z.object({
    id: z.string(),
    type: z.literal('session.reviewed'),
    created: z.iso.datetime(),
    session: z.object({ id: z.uuid() }),
    review: z.object({
      verdict: z.enum(['approved', 'denied']),
      reasons: z.array(z.enum(['ID_MISMATCH', 'ID_UNREADABLE', 'ID_EXPIRED', 'NOT_ORIGINAL', 'SELFIE_MISMATCH', 'OTHER'])),
      mismatches: z.array(
        z.object({
          field: z.string(),
          reason: z.enum(['NAME_MISMATCH', 'KANA_MISMATCH', 'BIRTHDATE_MISMATCH', 'ADDRESS_MISMATCH', 'VARIANT_CHARACTER']),
          hint: z.string(),
        }),
      ),
      /** What the reviewer read from the document (an approval only). */
      document: z.optional(
        z.object({
          family_name: z.string(),
          given_name: z.string(),
          birth_date: z.object({ year: z.string(), month: z.string(), day: z.string() }),
          address: z.string(),
          number: z.optional(z.string()),
          expires_on: z.optional(z.string()),
          issuer: z.optional(z.string()),
        }),
      ),
    }),
  }),
])
export type SandboxWebhookPayload = z.infer<typeof sandboxWebhookPayload>
