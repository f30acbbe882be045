import { createHash } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import multipart from '@fastify/multipart'
import { errorResponse } from '@kakunin/schema/errors'
import {
  documentNumberIssue,
  requiredUploads,
  sandboxDetailsBody,
  sandboxSessionView,
  sandboxStartBody,
  SANDBOX_METHODS,
  UPLOAD_KINDS,
  UPLOAD_KIND_LABELS,
  UPLOAD_MAX_BYTES,
  type DocumentType,
  type SandboxMethod,
  type UploadKind,
} from '@kakunin/schema/sandbox-ekyc'
import { z } from '@kakunin/schema/zod'
import { hashSessionToken } from '#src/applicant-session/session-token.ts'
import { ApiError, conflict, notFound, validationFailed } from '#src/http/api-error.ts'
import { availableMethods, isMethodAvailable } from '@kakunin/schema/verification-method'
import { detectImageType } from '#src/http/image-type.ts'
import { readUploadedFile } from '#src/http/uploaded-file.ts'
import { byPathTokenAndAddress, limitRequests } from '#src/http/rate-limit/limit-requests.ts'
import { createSandboxProvider, newEventId, type WebhookDelivery } from './sandbox-provider.ts'
import type { SandboxWebhookPayload } from './sandbox-webhook.ts'
import { submittedEventId, type SandboxReviewWorker } from './sandbox-review-worker.ts'

export interface SandboxRoutesOptions {
  provider: ReturnType<typeof createSandboxProvider>
  deliver: WebhookDelivery
  reviewDelayMs: number
  /** Delivers the verdict once the session is due (sandbox-review-worker.ts). */
  reviews: SandboxReviewWorker
  clock: () => Date
}

const tokenParams = z.strictObject({ token: z.string() })
const uploadParams = z.strictObject({ token: z.string(), kind: z.enum(UPLOAD_KINDS, '撮影する面が正しくありません') })
// 429: every phone page counts against SANDBOX_PHONE_RATE_LIMIT (the preHandler below).
const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse, 429: errorResponse }
const EXPIRED_MESSAGE = 'このQRコードの有効期限が切れています。パソコンの画面から、もう一度QRコードを表示してください。'

type Uploads = Partial<Record<UploadKind, { type: string; bytes: number; sha256: string }>>

/** The sandbox vendor's app, as the phone uses it. The token in the URL is the only credential. */
export const sandboxEkycRoutes: FastifyPluginAsyncZod<SandboxRoutesOptions> = async (app, { provider, deliver, reviewDelayMs, reviews, clock }) => {
  await app.register(multipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 0 } })
  // Every phone page, per QR code and address (SANDBOX_PHONE_RATE_LIMIT); before an upload is read.
  app.addHook('preHandler', limitRequests(app, (limits) => limits.sandboxPhone, byPathTokenAndAddress))

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
    { schema: { consumes: ['multipart/form-data'], params: uploadParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const session = await load(request.params.token)
      if (session.status !== 'STARTED') throw conflict('先に本人確認書類の種類を選択してください。')
      const label = UPLOAD_KIND_LABELS[request.params.kind]
      const bytes = await readUploadedFile(request, label, '画像')
      // The bytes decide, not the name or the browser's claim.
      const type = detectImageType(bytes)
      if (!type) {
        throw new ApiError(400, 'VALIDATION_FAILED', '画像ファイル（JPEG、PNG、HEIC、WebP）を選択してください。', {
          file: '画像ファイル（JPEG、PNG、HEIC、WebP）を選択してください',
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
      if (session.status !== 'STARTED') throw conflict('先に本人確認書類の種類を選択してください。')
      const missing = requiredUploads(session.method as SandboxMethod, session.documentType as DocumentType).filter(
        (kind) => !(session.uploads as Uploads)[kind],
      )
      if (missing.length > 0) {
        const fields = Object.fromEntries(missing.map((kind) => [`uploads.${kind}`, `${UPLOAD_KIND_LABELS[kind]}を撮影してください`]))
        throw new ApiError(400, 'VALIDATION_FAILED', '撮影されていない画像があります。', fields)
      }
      // The pending verdict is a row, written with the submission: any instance's reviewer delivers
      // it once due, also when this one is gone by then.
      // A 個人番号 is never taken (番号法): none at all for a マイナンバーカード.
      const numberIssue = documentNumberIssue(session.documentType as DocumentType, request.body.documentNumber)
      if (numberIssue) throw validationFailed({ documentNumber: numberIssue })
      const claimed = await app.prisma.sandboxEkycSession.updateMany({
        where: { id: session.id, status: 'STARTED' },
        data: { status: 'SUBMITTED', details: request.body, reviewDueAt: new Date(clock().getTime() + reviewDelayMs) },
      })
      if (claimed.count === 0) throw conflict('この本人確認はすでに送信されています。')
      await send({ id: submittedEventId(session.id), type: 'session.submitted', created: clock().toISOString(), session: { id: session.id } }, request.log)
      // Without a delay (tests, demonstrations) the verdict is there when the phone's request returns.
      if (reviewDelayMs === 0) await reviews.reviewNow(session.id)
      return reply.status(204).send(null)
    },
  )
}
