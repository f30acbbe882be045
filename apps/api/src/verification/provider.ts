import type { DocumentReading } from '@kakunin/schema/verification'
import type { VerificationMethod } from '@kakunin/schema/verification-method'

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

/**
 * How the person was identified, as the vendor's payload says it. Never filled in by us: when the
 * payload does not say, the event carries none. A vendor that reports it only with the result can
 * give it on `submitted` or `approved`.
 */
export interface IdentificationDetails {
  method?: VerificationMethod
  documentType?: string
}

/** A provider's webhook, verified and mapped onto our terms. */
export type ProviderEvent = {
  eventId: string
  providerReference: string
  occurredAt: Date
} & (
  | ({ kind: 'started' } & IdentificationDetails)
  | ({ kind: 'submitted' } & IdentificationDetails)
  | ({ kind: 'approved'; vendorResult?: unknown; reading?: DocumentReading } & IdentificationDetails)
  | { kind: 'denied'; reasons: DenialReason[]; mismatches: Mismatch[]; vendorResult?: unknown }
)

export class WebhookRejected extends Error {
  readonly statusCode: 400 | 401

  constructor(statusCode: 400 | 401, message: string) {
    super(message)
    this.statusCode = statusCode
    this.name = 'WebhookRejected'
  }
}

/** The port every eKYC adapter implements (DESIGN.md: IdentityVerificationProvider). */
export interface IdentityVerificationProvider {
  /** The adapter's name: in the webhook URL (/webhooks/ekyc/:provider) and on every record. */
  readonly name: string
  /** The request header carrying the vendor's webhook signature (lower case, as Node gives it). */
  readonly signatureHeader: string
  /** The methods (犯収法施行規則 6条1項1号) this adapter can deliver. */
  readonly methods: readonly VerificationMethod[]
  /**
   * Whether its results are a 取引時確認 under 犯収法: a real vendor (true), or the built-in
   * sandbox that plays one (false). The 確認記録 says which.
   */
  readonly lawful: boolean
  /** Opens a session for one application; the URL is what the QR code encodes. */
  createSession(input: {
    comparing: ComparingData
    /** Origin the applicant's phone can reach this service at (for providers we host). */
    publicBaseUrl: string
    expiresAt: Date
    now: Date
  }): Promise<{ providerReference: string; url: string }>
  /**
   * Verifies the signature of a webhook (read from `signatureHeader`) and maps it with
   * `mapWebhook`; throws WebhookRejected when it is not acceptable.
   */
  parseWebhook(request: { signature: string | undefined; body: string }, now: Date): ProviderEvent
  /** The result mapping: a verified body (parsed JSON) onto our terms; WebhookRejected(400) when not understood. */
  mapWebhook(payload: unknown): ProviderEvent
}
