import { ApiRequestError } from './api-client.ts'

export interface ServerProblem {
  /** Field errors for the form, keyed by its own paths. */
  fields: Record<string, string>
  /** What to say beside them, when the failure is not (only) about the form's fields. */
  message: string | undefined
  /** 409: saved elsewhere since this was read, or no longer editable. */
  conflict: boolean
}

/**
 * Sorts an API failure into field errors, so a 400 reads like the browser's own validation, and a
 * message for the rest (network failures, conflicts, server errors). Only paths under `prefix`
 * belong to the form (`values.` for a step); the prefix is stripped.
 */
export function readServerError(error: unknown, prefix = ''): ServerProblem {
  if (!(error instanceof ApiRequestError)) {
    return { fields: {}, message: 'エラーが発生しました。もう一度お試しください。', conflict: false }
  }
  const fields: Record<string, string> = {}
  let unplaced = false
  for (const [path, message] of Object.entries(error.body.fields ?? {})) {
    if (path.startsWith(prefix) && path.length > prefix.length) fields[path.slice(prefix.length)] = message
    else unplaced = true
  }
  const placedAll = Object.keys(fields).length > 0 && !unplaced
  return { fields, message: placedAll ? undefined : error.body.message, conflict: error.body.code === 'CONFLICT' }
}
