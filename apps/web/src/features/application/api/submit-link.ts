import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { answer, api } from '#src/lib/api-client.ts'
import { CURRENT_APPLICATION_KEY } from './current-application-key.ts'
import { ownVersion } from './own-versions.ts'

/**
 * 2回目以降 → 送信する: the API checks the 取引時確認済みのAccount SID and, when it passed, emails
 * the owner of that account a link to confirm (the answer is the application, SUBMITTED, with its
 * `ownerConfirmation`); only the owner's confirmation links the new one (APPROVED).
 */
export const submitLink = async ({ id, version }: { id: string; version: number }): Promise<ApplicantApplication> =>
  answer(api.POST('/api/applications/{id}/submit-link', { params: { path: { id } }, body: { version: await ownVersion(id, version) } }))

export function useSubmitLink() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: submitLink,
    onSuccess: (application) => queryClient.setQueryData(CURRENT_APPLICATION_KEY, application),
  })
}
