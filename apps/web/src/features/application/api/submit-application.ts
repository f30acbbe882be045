import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { answer, api } from '#src/lib/api-client.ts'
import { CURRENT_APPLICATION_KEY } from './current-application-key.ts'
import { ownVersion } from './own-versions.ts'

export const submitApplication = async ({ id, version }: { id: string; version: number }): Promise<ApplicantApplication> =>
  answer(api.POST('/api/applications/{id}/submit', { params: { path: { id } }, body: { version: await ownVersion(id, version) } }))

export function useSubmitApplication() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: submitApplication,
    onSuccess: (application) => queryClient.setQueryData(CURRENT_APPLICATION_KEY, application),
  })
}
