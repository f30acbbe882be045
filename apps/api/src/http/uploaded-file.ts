import type { FastifyRequest } from 'fastify'
import { UPLOAD_MAX_BYTES } from '@kakunin/schema/sandbox-ekyc'
import { ApiError } from './api-error.ts'

/**
 * The one file of a multipart/form-data request (field `file`, within the multipart limits the
 * route registered): 400 when there is none, 413 when it is over the limit. `noun` names what is
 * uploaded in the messages (画像, ファイル).
 */
export async function readUploadedFile(request: FastifyRequest, label: string, noun: string): Promise<Buffer> {
  const file = await request.file().catch(() => undefined)
  if (!file) throw new ApiError(400, 'VALIDATION_FAILED', `${label}の${noun}を選んでください。`, { file: `${label}の${noun}を選んでください` })
  try {
    return await file.toBuffer()
  } catch {
    const tooLarge = `${noun}は${UPLOAD_MAX_BYTES / 1024 / 1024}MBまでです`
    throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `${tooLarge}。`, { file: tooLarge })
  }
}
