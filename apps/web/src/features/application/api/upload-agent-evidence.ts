import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { AgentEvidenceKind } from '@kakunin/schema/agent-ground'
import { apiFetch } from '#src/lib/api-client.ts'
import { currentVerificationKey } from './get-current-verification.ts'

/** The evidence of a 代理人's ground (a 委任状, or a document showing a 法定代理人), as multipart/form-data in the field `file`. */
export function uploadAgentEvidence(id: string, kind: AgentEvidenceKind, file: File) {
  const body = new FormData()
  body.append('file', file)
  return apiFetch<undefined>(`/applications/${encodeURIComponent(id)}/agent-evidence/${kind}`, { method: 'POST', body })
}

export function useUploadAgentEvidence(id: string, kind: AgentEvidenceKind) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => uploadAgentEvidence(id, kind, file),
    // What is in comes with the current verification; a refusal may mean it has moved on (409).
    onSettled: () => queryClient.invalidateQueries({ queryKey: currentVerificationKey(id) }),
  })
}
