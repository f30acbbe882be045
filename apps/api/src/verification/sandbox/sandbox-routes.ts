import { createHash } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import multipart from '@fastify/multipart'
import { errorResponse } from '@kakunin/schema/errors'
import {
  requiredUploads,
  sandboxDetailsBody,
  sandboxSessionView,
  sandboxStartBody,
  SANDBOX_METHODS,
  UPLOAD_KINDS,
  UPLOAD_KIND_LABELS,
  UPLOAD_MAX_BYTES,
  type DocumentType,
  type SandboxDetails,
  type SandboxMethod,
  type UploadKind,
} from '@kakunin/schema/sandbox-ekyc'
import { z } from '@kakunin/schema/zod'
import { hashSessionToken } from '#src/applicant-session/session-token.ts'
import type { SandboxEkycSession } from '#src/generated/prisma/client.ts'
import { ApiError, conflict, notFound, validationFailed } from '#src/http/api-error.ts'
import type { ComparingData } from '#src/verification/provider.ts'
import { availableMethods, isMethodAvailable } from '@kakunin/schema/verification-method'
import { compareIdentity } from './compare-identity.ts'
import { detectImageType } from '#src/http/image-type.ts'
import { readUploadedFile } from '#src/http/uploaded-file.ts'
import { createSandboxProvider, newEventId, type WebhookDelivery } from './sandbox-provider.ts'
import type { SandboxWebhookPayload } from './sandbox-webhook.ts'

export interface SandboxRoutesOptions {
  provider: ReturnType<typeof createSandboxProvider>
  deliver: WebhookDelivery
  reviewDelayMs: number
  clock: () => Date
}

const tokenParams = z.strictObject({ token: z.string() })
const uploadParams = z.strictObject({ token: z.string(), kind: z.enum(UPLOAD_KINDS, '撮影する面が正しくありません') })
const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse }
const EXPIRED_MESSAGE = 'このQRコードの有効期限が切れています。パソコンの画面から、もう一度QRコードを表示してください。'

type Uploads = Partial<Record<UploadKind, { type: string; bytes: number; sha256: string }>>

/** The sandbox vendor's app, as the phone uses it. The token in the URL is the only credential. */
export const sandboxEkycRoutes: FastifyPluginAsyncZod<SandboxRoutesOptions> = async (app, { provider, deliver, reviewDelayMs, clock }) => {
  await app.register(multipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 0 } })

  async function load(token: string, { live = true } = {}) {
    const session = await app.prisma.sandboxEkycSession.findUnique({ where: { tokenHash: hashSessionToken(token) } })
    if (!session) throw notFound('このQRコードは無効です。パソコンの画面から、もう一度QRコードを表示してください。')
    if (live && session.expiresAt <= clock() && session.status !== 'SUBMITTED' && session.status !== 'REVIEWED') {
      throw new ApiError(409, 'CONFLICT', EXPIRED_MESSAGE)
    }
    return session
  }

  async function send(payload: SandboxWebhookPayload, log: FastifyBaseLogger) {
    const { body, signature } = provider.sign(payload, clock())
    // Like a vendor: a few tries, then give up and leave it to the reconciliation a real one offers.
    for (const wait of [0, 500, 2000]) {
      await new Promise((resolve) => setTimeout(resolve, wait))
      try {
        return await deliver(body, signature)
      } catch (error) {
        log.warn({ err: error, event: payload.type }, 'sandbox eKYC webhook delivery failed')
      }
    }
  }

  app.get('/sessions/:token', { schema: { params: tokenParams, response: { 200: sandboxSessionView, ...errors } } }, async (request) => {
    const session = await load(request.params.token, { live: false })
    const expired = session.expiresAt <= clock() && (session.status === 'PENDING' || session.status === 'STARTED')
    return {
      status: expired ? ('EXPIRED' as const) : (session.status as 'PENDING' | 'STARTED' | 'SUBMITTED' | 'REVIEWED'),
      expiresAt: session.expiresAt.toISOString(),
      methods: availableMethods(SANDBOX_METHODS, clock()),
      method: session.method as SandboxMethod | null,
      documentType: session.documentType as DocumentType | null,
      uploaded: Object.keys(session.uploads as Uploads) as UploadKind[],
    }
  })

  app.post(
    '/sessions/:token/start',
    { schema: { params: tokenParams, body: sandboxStartBody, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const session = await load(request.params.token)
      const { method, documentType } = request.body
      // A method must be lawful on the day the images or IC data are received (the transition module
      // checks the same when the verdict comes): ホ is not offered from 2027-04-01 (JST).
      if (!isMethodAvailable(method, clock())) {
        throw validationFailed({
          method: 'この確認方法は2027年4月1日以降は利用できません。ICチップの読み取りをお選びください。',
        })
      }
      if (session.status !== 'PENDING' && session.status !== 'STARTED') throw conflict('この本人確認はすでに送信されています。')
      await app.prisma.sandboxEkycSession.update({ where: { id: session.id }, data: { status: 'STARTED', method, documentType, uploads: {} } })
      if (session.status === 'PENDING') {
        await send(
          { id: newEventId(), type: 'session.started', created: clock().toISOString(), session: { id: session.id, method, document_type: documentType } },
          request.log,
        )
      }
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/sessions/:token/uploads/:kind',
    { schema: { params: uploadParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const session = await load(request.params.token)
      if (session.status !== 'STARTED') throw conflict('先に本人確認書類の種類を選んでください。')
      const label = UPLOAD_KIND_LABELS[request.params.kind]
      const bytes = await readUploadedFile(request, label, '画像')
      // The bytes decide, not the name or the browser's claim.
      const type = detectImageType(bytes)
      if (!type) {
        throw new ApiError(400, 'VALIDATION_FAILED', '画像ファイル（JPEG、PNG、HEIC、WebP）を選んでください。', {
          file: '画像ファイル（JPEG、PNG、HEIC、WebP）を選んでください',
        })
      }
      const uploads: Uploads = {
        ...(session.uploads as Uploads),
        [request.params.kind]: { type, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
      }
      await app.prisma.sandboxEkycSession.update({ where: { id: session.id }, data: { uploads } })
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/sessions/:token/complete',
    { schema: { params: tokenParams, body: sandboxDetailsBody, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const session = await load(request.params.token)
      if (session.status !== 'STARTED') throw conflict('先に本人確認書類の種類を選んでください。')
      const missing = requiredUploads(session.method as SandboxMethod, session.documentType as DocumentType).filter(
        (kind) => !(session.uploads as Uploads)[kind],
      )
      if (missing.length > 0) {
        const fields = Object.fromEntries(missing.map((kind) => [`uploads.${kind}`, `${UPLOAD_KIND_LABELS[kind]}を撮影してください`]))
        throw new ApiError(400, 'VALIDATION_FAILED', '撮影されていない画像があります。', fields)
      }
      const claimed = await app.prisma.sandboxEkycSession.updateMany({
        where: { id: session.id, status: 'STARTED' },
        data: { status: 'SUBMITTED', details: request.body },
      })
      if (claimed.count === 0) throw conflict('この本人確認はすでに送信されています。')
      await send({ id: newEventId(), type: 'session.submitted', created: clock().toISOString(), session: { id: session.id } }, request.log)
      const review = () => reviewSession(session, request.body, request.log)
      if (reviewDelayMs === 0) await review()
      else setTimeout(() => void review(), reviewDelayMs).unref()
      return reply.status(204).send(null)
    },
  )

  /** The vendor's reviewer: what the ID says against what the applicant declared. */
  async function reviewSession(session: SandboxEkycSession, details: SandboxDetails, log: FastifyBaseLogger) {
    const mismatches = compareIdentity(session.comparing as unknown as ComparingData, details)
    await app.prisma.sandboxEkycSession.update({ where: { id: session.id }, data: { status: 'REVIEWED' } })
    await send(
      {
        id: newEventId(),
        type: 'session.reviewed',
        created: clock().toISOString(),
        session: { id: session.id },
        review: { verdict: mismatches.length === 0 ? 'approved' : 'denied', reasons: mismatches.length ? ['ID_MISMATCH'] : [], mismatches },
      },
      log,
    )
  }
}
