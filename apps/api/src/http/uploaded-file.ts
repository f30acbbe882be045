import type { FastifyRequest } from 'fastify'
import { UPLOAD_MAX_BYTES } from '@kakunin/schema/sandbox-ekyc'
import { ApiError } from './api-error.ts'

/** How much of a refused body is read and thrown away to keep the connection; beyond it, it is closed. */
const DRAIN_LIMIT_BYTES = 2 * UPLOAD_MAX_BYTES

// @fastify/multipart's errors when a request holds more parts than the route's limits allow. A
// field before the file trips the limit while the file is being read: the parser then destroys
// the file's stream, and reading it fails with a premature close.
const EXTRA_PART_ERRORS = new Set(['FST_FILES_LIMIT', 'FST_FIELDS_LIMIT', 'FST_PARTS_LIMIT', 'ERR_STREAM_PREMATURE_CLOSE'])

/**
 * The one file of a multipart/form-data request (field `file`, within the multipart limits the
 * route registered: one file, no fields): 400 when there is none or when anything else comes
 * with it, 413 when it is over the limit. `noun` names what is uploaded in the messages (画像,
 * ファイル).
 *
 * Whatever the answer, the rest of the body is read: the multipart parser stops reading at the
 * first refused part, and a body left unread holds the keep-alive connection until Node's
 * timeouts close it (the client waits about 72 s for its next request).
 */
export async function readUploadedFile(request: FastifyRequest, label: string, noun: string): Promise<Buffer> {
  try {
    return await readOnlyFile(request, label, noun)
  } finally {
    drain(request)
  }
}

async function readOnlyFile(request: FastifyRequest, label: string, noun: string): Promise<Buffer> {
  const missing = () => new ApiError(400, 'VALIDATION_FAILED', `${label}の${noun}を選択してください。`, { file: `${label}の${noun}を選択してください` })
  const extra = () =>
    new ApiError(400, 'VALIDATION_FAILED', `送信できる${noun}は1つだけです。${label}の${noun}を1つ選択してください。`, {
      file: `${label}の${noun}を1つだけ選択してください`,
    })
  let bytes: Buffer | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file' && bytes === undefined) {
        bytes = await part.toBuffer()
        continue
      }
      // An unread file stream stalls the parser, and with it the rest of the body.
      if (part.type === 'file') part.file.resume()
      throw part.type === 'file' && bytes === undefined ? missing() : extra()
    }
  } catch (error) {
    if (error instanceof ApiError) throw error
    const code = (error as { code?: unknown }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const tooLarge = `${noun}は${UPLOAD_MAX_BYTES / 1024 / 1024}MBまでです`
      throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `${tooLarge}。`, { file: tooLarge })
    }
    if (typeof code === 'string' && EXTRA_PART_ERRORS.has(code)) throw extra()
    // Not multipart at all, or a body cut off or malformed: nothing was uploaded.
    throw missing()
  }
  if (!bytes) throw missing()
  return bytes
}

/** Reads what is left of the request and throws it away; a body far over the limit closes the connection instead. */
function drain(request: FastifyRequest) {
  const raw = request.raw
  if (raw.readableEnded || raw.destroyed) return
  let left = DRAIN_LIMIT_BYTES
  raw.on('data', (chunk: Buffer) => {
    left -= chunk.length
    if (left < 0) raw.destroy()
  })
  raw.resume()
}
