import { z } from './zod.ts'

/** Machine-readable codes of the one error shape every 4xx/5xx response uses. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const errorResponse = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Field path (dot-separated, e.g. `user.birthDate.year`) → message; `_` is the body itself. */
    fields: z.optional(z.record(z.string(), z.string())),
  }),
})
export type ErrorResponse = z.infer<typeof errorResponse>

/** The message of every 400 whose fields say what is wrong. */
export const VALIDATION_MESSAGE = '入力内容に誤りがあります。各項目のメッセージをご確認ください。'

export const UNKNOWN_FIELD_MESSAGE = 'この項目は受け付けていません'

/** The parts of a zod issue that locate it; the API rebuilds these from Fastify's validation errors. */
export interface IssueLike {
  path: readonly PropertyKey[]
  code: string
  message: string
  keys?: readonly string[]
}

/**
 * Turns zod issues into the `fields` map of the error shape: dot-separated path → the first
 * message for that field; an unknown key is reported on its own path; `_` is the body itself.
 */
export function fieldErrors(issues: readonly IssueLike[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) fields[[...issue.path, key].map(String).join('.')] ??= UNKNOWN_FIELD_MESSAGE
      continue
    }
    fields[issue.path.map(String).join('.') || '_'] ??= issue.message
  }
  return fields
}
