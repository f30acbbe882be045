import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { UploadKind } from '@kakunin/schema/sandbox-ekyc'
import { apiFetch } from '#src/lib/api-client.ts'
import { sandboxSessionKey, sessionPath } from './get-session.ts'

/** One photo (表面, 裏面 or 顔写真) as multipart/form-data, in the field `file`. */
export function uploadImage(token: string, kind: UploadKind, file: File) {
  const body = new FormData()
  body.append('file', file)
  return apiFetch<undefined>(`${sessionPath(token)}/uploads/${kind}`, { method: 'POST', body })
}

export function useUploadImage(token: string, kind: UploadKind) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => uploadImage(token, kind, file),
    // The list of images taken comes from the session; a refusal may mean it expired.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxSessionKey(token) }),
  })
}
