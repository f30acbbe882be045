import { VALIDATION_MESSAGE, type ErrorCode } from '@kakunin/schema/errors'

/** An error meant for the client: its code, status and Japanese message are sent as they are. */
export class ApiError extends Error {
  readonly statusCode: number
  readonly code: ErrorCode
  readonly fields: Record<string, string> | undefined

  constructor(statusCode: number, code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.statusCode = statusCode
    this.code = code
    this.fields = fields
    this.name = 'ApiError'
  }
}

export const notFound = (message = 'お探しのページまたはデータが見つかりません') => new ApiError(404, 'NOT_FOUND', message)
export const conflict = (message: string) => new ApiError(409, 'CONFLICT', message)

/** 400 with the one validation message and the fields that are wrong. */
export const validationFailed = (fields: Record<string, string>) => new ApiError(400, 'VALIDATION_FAILED', VALIDATION_MESSAGE, fields)
