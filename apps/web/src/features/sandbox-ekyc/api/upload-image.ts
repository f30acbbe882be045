import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { UploadKind } from '@kakunin/schema/sandbox-ekyc'
import { filePart } from '@kakunin/api-client'
import { api, done } from '#src/lib/api-client.ts'
import { sandboxSessionKey } from './get-session.ts'

/** One photo (表面, 裏面 or 顔写真) as multipart/form-data, in the field `file`. */
export const uploadImage = (token: string, kind: UploadKind, file: File): Promise<undefined> =>
  done(api.POST('/api/sandbox-ekyc/sessions/{token}/uploads/{kind}', { params: { path: { token, kind } }, ...filePart(file) }))

export function useUploadImage(token: string, kind: UploadKind) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => uploadImage(token, kind, file),
    // The list of images taken comes from the session; a refusal may mean it expired.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxSessionKey(token) }),
  })
}
