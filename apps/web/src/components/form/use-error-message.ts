import { get, useFormState, type FieldErrors } from 'react-hook-form'

/** The message of the error at a dot path, if any (nested objects carry their own root message). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  const node: unknown = get(errors, path)
  if (node && typeof node === 'object' && 'message' in node && typeof node.message === 'string') return node.message
  return undefined
}

/** Looks up field errors of the surrounding form, re-rendering the caller when they change. */
export function useErrorMessage(): (path: string) => string | undefined {
  const { errors } = useFormState()
  return (path) => errorAt(errors, path)
}
