import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import { ApiRequestError } from './api-client.ts'

/**
 * Puts the API's field errors on the form's fields and returns the message for the rest
 * (network failures, conflicts, server errors), so a 400 reads like client-side validation.
 */
export function applyServerError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): string {
  if (!(error instanceof ApiRequestError)) return 'エラーが発生しました。もう一度お試しください。'
  for (const [path, message] of Object.entries(error.body.fields ?? {})) {
    setError(path as Path<T>, { type: 'server', message })
  }
  return error.body.message
}
