import { randomUUID } from 'node:crypto'
import { SANDBOX_METHODS } from '@kakunin/schema/sandbox-ekyc'
import type { DocumentReading } from '@kakunin/schema/verification'
import type { Prisma } from '#src/db/prisma-plugin.ts'
import { hashSessionToken, newSessionToken } from '#src/applicant-session/session-token.ts'
import { WebhookRejected, type IdentityVerificationProvider, type ProviderEvent } from '#src/verification/provider.ts'
import { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from '#src/http/webhook-signature.ts'
import { sandboxWebhookPayload, type SandboxWebhookPayload } from './sandbox-webhook.ts'

export const SANDBOX = 'sandbox'

/** Sends a signed webhook to our own endpoint, as a vendor would over the network. */
export type WebhookDelivery = (body: string, signature: string) => Promise<void>

/** Our webhook answered other than 2xx: the status tells the reviewer whether to try again. */
export class WebhookAnswered extends Error {
  readonly status: number

  constructor(status: number) {
    super(`webhook answered ${status}`)
    this.status = status
  }
}

/**
 * The built-in eKYC provider. Its QR code opens this project's phone pages (/m/verify/:token),
 * which play the vendor's app; its reviewer compares the ID with the declared data and reports
 * through the same signed webhook a real vendor would use. Nothing else of ours is called.
 */
export function createSandboxProvider(deps: { prisma: Prisma; secret: string }): IdentityVerificationProvider & {
  sign(payload: SandboxWebhookPayload, now?: Date): { body: string; signature: string }
} {
  return {
    name: SANDBOX,
    signatureHeader: SIGNATURE_HEADER,
    methods: SANDBOX_METHODS,
    // It plays a vendor for development and demonstrations; no one is identified by it.
    lawful: false,

    async createSession({ comparing, publicBaseUrl, expiresAt, now }) {
      const token = newSessionToken()
      const session = await deps.prisma.sandboxEkycSession.create({
        data: { tokenHash: hashSessionToken(token), comparing: { ...comparing }, expiresAt, createdAt: now },
      })
      return { providerReference: session.id, url: `${publicBaseUrl}/m/verify/${token}` }
    },

    parseWebhook({ signature, body }, now): ProviderEvent {
      const problem = verifyWebhookSignature(deps.secret, signature, body, now)
      if (problem === 'missing' || problem === 'malformed') throw new WebhookRejected(400, `signature ${problem}`)
      if (problem) throw new WebhookRejected(401, `signature ${problem}`)
      let json: unknown
      try {
        json = JSON.parse(body)
      } catch {
        throw new WebhookRejected(400, 'body is not JSON')
      }
      return mapSandboxWebhook(json)
    },

    mapWebhook: mapSandboxWebhook,

    sign(payload, now = new Date()) {
      const body = JSON.stringify(payload)
      return { body, signature: signWebhook(deps.secret, body, now) }
    },
  }
}

/** The sandbox vendor's webhook body (parsed JSON) onto our terms. */
export function mapSandboxWebhook(json: unknown): ProviderEvent {
  const parsed = sandboxWebhookPayload.safeParse(json)
  if (!parsed.success) throw new WebhookRejected(400, 'unexpected payload')
  const payload = parsed.data
  const base = { eventId: payload.id, providerReference: payload.session.id, occurredAt: new Date(payload.created) }
  switch (payload.type) {
    case 'session.started':
      return { ...base, kind: 'started', method: payload.session.method, documentType: payload.session.document_type }
    case 'session.submitted':
      return { ...base, kind: 'submitted' }
    case 'session.reviewed':
      return payload.review.verdict === 'approved'
        ? { ...base, kind: 'approved', vendorResult: payload.review, ...(payload.review.document ? { reading: readingOf(payload.review.document) } : {}) }
        : { ...base, kind: 'denied', reasons: payload.review.reasons, mismatches: payload.review.mismatches, vendorResult: payload.review }
  }
}

type SandboxDocument = NonNullable<Extract<SandboxWebhookPayload, { type: 'session.reviewed' }>['review']['document']>

/** The sandbox's reading of the document; a part the document did not give stays absent. */
function readingOf(document: SandboxDocument): DocumentReading {
  return {
    familyName: document.family_name,
    givenName: document.given_name,
    birthDate: document.birth_date,
    address: document.address,
    ...(document.number ? { documentNumber: document.number } : {}),
    ...(document.expires_on ? { expiresOn: document.expires_on } : {}),
    ...(document.issuer ? { issuer: document.issuer } : {}),
  }
}

export const newEventId = () => `evt_${randomUUID()}`
