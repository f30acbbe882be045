import http from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorResponse } from '@kakunin/schema/errors'
import { unroutedSecurityHeaders } from './security-headers.ts'
import { REQUEST_ID_HEADER } from './request-id.ts'

type ErrorBody = ErrorResponse['error']

// Fastify answers these before any route or hook runs, with its own body that echoes the path.
// They leave in the one error shape instead, in Japanese, and never repeat what was sent.
const routerErrors: Record<string, { status: number; error: ErrorBody }> = {
  FST_ERR_BAD_URL: { status: 400, error: { code: 'BAD_REQUEST', message: 'URL を読み取れませんでした。アドレスをご確認ください。' } },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, error: { code: 'BAD_REQUEST', message: 'URL が長すぎます。アドレスをご確認ください。' } },
}

const INTERNAL: ErrorBody = { code: 'INTERNAL_ERROR', message: 'サーバーでエラーが発生しました。時間をおいて再度お試しください。' }

/** Fastify's `frameworkErrors` option: errors raised while routing. */
export function frameworkErrors(production: boolean) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = error.code ? routerErrors[error.code] : undefined
    if (!known) request.log.error({ err: error }, 'routing failed')
    void reply
      .status(known?.status ?? 500)
      .headers(unroutedSecurityHeaders(production))
      .header(REQUEST_ID_HEADER, request.id)
      .type('application/json; charset=utf-8')
      .send({ error: known?.error ?? INTERNAL })
  }
}

// Node's HTTP parser refuses these before Fastify sees a request; the socket gets a raw answer.
const parserErrors: Record<string, { status: number; error: ErrorBody }> = {
  HPE_HEADER_OVERFLOW: { status: 431, error: { code: 'BAD_REQUEST', message: 'リクエストのヘッダーが大きすぎます。' } },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, error: { code: 'BAD_REQUEST', message: 'リクエストが時間内に届きませんでした。もう一度お試しください。' } },
}
const UNREADABLE = { status: 400, error: { code: 'BAD_REQUEST', message: 'リクエストを読み取れませんでした。' } } satisfies { status: number; error: ErrorBody }

/** Fastify's `clientErrorHandler` option: requests Node could not parse. The connection is closed. */
export function clientErrorHandler(production: boolean) {
  return (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return
    const { status, error: body } = (error.code && parserErrors[error.code]) || UNREADABLE
    const json = JSON.stringify({ error: body })
    const headers = {
      ...unroutedSecurityHeaders(production),
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(json)),
      connection: 'close',
    }
    if (socket.writable) {
      const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
      socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${lines.join('\r\n')}\r\n\r\n${json}`)
    }
    socket.destroy(error)
  }
}
