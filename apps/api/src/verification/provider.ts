import type { VerificationMethod } from './verification-method.ts'

/** What we tell a provider about the person, to compare with the ID (like a vendor's comparing data). */
export interface ComparingData {
  reference: string
  familyName: string
  givenName: string
  familyNameKana: string
  givenNameKana: string
  birthDate: { year: string; month: string; day: string }
  address: { postalCode: string; prefecture: string; city: string; town: string; building: string }
}

/** One field of the application that did not match the ID, with a hint for the applicant. */
export interface Mismatch {
  /** Path in the application's answers, e.g. `user.familyName`. */
  field: string
  reason: 'NAME_MISMATCH' | 'KANA_MISMATCH' | 'BIRTHDATE_MISMATCH' | 'ADDRESS_MISMATCH' | 'VARIANT_CHARACTER'
  hint: string
}

export type DenialReason = 'ID_MISMATCH' | 'ID_UNREADABLE' | 'ID_EXPIRED' | 'NOT_ORIGINAL' | 'SELFIE_MISMATCH' | 'OTHER'

/** A provider's webhook, verified and mapped onto our terms. */
export type ProviderEvent = {
  eventId: string
  providerReference: string
  occurredAt: Date
} & (
  | { kind: 'started'; method: VerificationMethod; documentType: string }
  | { kind: 'submitted' }
  | { kind: 'approved'; vendorResult?: unknown }
  | { kind: 'denied'; reasons: DenialReason[]; mismatches: Mismatch[]; vendorResult?: unknown }
)

export class WebhookRejected extends Error {
  constructor(
    readonly statusCode: 400 | 401,
    message: string,
  ) {
    super(message)
    this.name = 'WebhookRejected'
  }
}

/** The port every eKYC adapter implements (DESIGN.md: IdentityVerificationProvider). */
export interface IdentityVerificationProvider {
  readonly name: string
  /** Opens a session for one application; the URL is what the QR code encodes. */
  createSession(input: {
    comparing: ComparingData
    /** Origin the applicant's phone can reach this service at (for providers we host). */
    publicBaseUrl: string
    expiresAt: Date
    now: Date
  }): Promise<{ providerReference: string; url: string }>
  /** Verifies the signature of a webhook and maps it; throws WebhookRejected when it is not acceptable. */
  parseWebhook(request: { signature: string | undefined; body: string }, now: Date): ProviderEvent
}
