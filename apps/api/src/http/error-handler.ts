import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { fieldErrors, type ErrorCode, type ErrorResponse, VALIDATION_MESSAGE } from '@kakunin/schema/errors'
import { ApiError } from './api-error.ts'
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable.ts'


function send(reply: FastifyReply, statusCode: number, error: ErrorResponse['error']) {
  return reply.status(statusCode).type('application/json; charset=utf-8').send({ error })
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, { code: 'NOT_FOUND', message: 'お探しのページまたはデータが見つかりません' })
}

/** Fastify's own 4xx codes, in words a person can act on. */
const clientErrors: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_REQUEST', message: 'リクエストの JSON を読み取れませんでした' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_REQUEST', message: 'リクエストの本文が空です（本文がない場合は {} を送信してください）' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Content-Type は application/json で送信してください',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', message: 'Content-Length が正しくありません' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'リクエストが大きすぎます' },
}

/**
 * The one error handler: every 4xx/5xx leaves as `{ error: { code, message, fields? } }` in
 * Japanese. 5xx details are logged, never sent.
 */
export const errorHandler = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const fields = fieldErrors(
          error.validation.map((issue) => ({
            path: issue.instancePath.split('/').filter(Boolean),
            code: issue.keyword,
            message: issue.message ?? VALIDATION_MESSAGE,
            keys: Array.isArray(issue.params.keys) ? (issue.params.keys as string[]) : undefined,
          })),
        )
        return send(reply, 400, { code: 'VALIDATION_FAILED', message: VALIDATION_MESSAGE, fields })
      }
      if (error instanceof ApiError) {
        if (error.statusCode === 503) reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        return send(reply, error.statusCode, {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        })
      }
      const known = error.code ? clientErrors[error.code] : undefined
      if (known) return send(reply, error.statusCode ?? 400, known)
      if (error.statusCode === 429) {
        return send(reply, 429, { code: 'RATE_LIMITED', message: 'リクエストが多すぎます。しばらくしてからお試しください。' })
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        request.log.info({ err: error }, 'client error')
        return send(reply, error.statusCode, { code: 'BAD_REQUEST', message: 'リクエストが正しくありません' })
      }
      if (isDatabaseUnavailable(error)) {
        request.log.error({ err: error }, 'database unavailable')
        reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        return send(reply, 503, { code: 'SERVICE_UNAVAILABLE', message: 'ただいま混み合っているか、メンテナンス中です。しばらくしてから再度お試しください。これまでに保存された内容は失われていません。' })
      }
      request.log.error({ err: error }, 'request failed')
      return send(reply, 500, {
        code: 'INTERNAL_ERROR',
        message: 'サーバーでエラーが発生しました。時間をおいて再度お試しください。',
      })
    })
  },
  { name: 'error-handler' },
)
