import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApplicantApplication } from '@kakunin/schema/application'
import type { ResumePoint, StepId } from '@kakunin/schema/form/steps'
import { apiFetch } from '#src/lib/api-client.ts'
import { CURRENT_APPLICATION_KEY } from '#src/features/application/api/current-application-key.ts'

export interface SaveStepDraftInput {
  id: string
  step: StepId
  version: number
  /** Only fields that are right on their own (splitDraft's `valid`). */
  values: Record<string, unknown>
  resumeAt: ResumePoint
}

export const saveStepDraft = ({ id, step, version, values, resumeAt }: SaveStepDraftInput) =>
  apiFetch<ApplicantApplication>(`/applications/${encodeURIComponent(id)}/steps/${step}/draft`, {
    method: 'PUT',
    body: { version, values, resumeAt },
  })

export function useSaveStepDraft() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveStepDraft,
    onSuccess: (application) => queryClient.setQueryData(CURRENT_APPLICATION_KEY, application),
  })
}
