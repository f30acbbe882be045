import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AgentEvidenceKind } from '@kakunin/schema/agent-ground'
import { filePart } from '@kakunin/api-client'
import { api, done } from '#src/lib/api-client.ts'
import { currentVerificationKey } from './get-current-verification.ts'

/** The evidence of a 代理人's ground (a 委任状, or a document showing a 法定代理人), as multipart/form-data in the field `file`. */
export const uploadAgentEvidence = (id: string, kind: AgentEvidenceKind, file: File): Promise<undefined> =>
  done(api.POST('/api/applications/{id}/agent-evidence/{kind}', { params: { path: { id, kind } }, ...filePart(file) }))

export function useUploadAgentEvidence(id: string, kind: AgentEvidenceKind) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => uploadAgentEvidence(id, kind, file),
    // What is in comes with the current verification; a refusal may mean it has moved on (409).
    onSettled: () => queryClient.invalidateQueries({ queryKey: currentVerificationKey(id) }),
  })
}
