import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApplicantApplication } from '@kakunin/schema/application'
import type { CreateApplicationBody } from '@kakunin/schema/application-flow'
import { answer, api } from '#src/lib/api-client.ts'
import { CURRENT_APPLICATION_KEY } from './current-application-key.ts'

export const createApplication = (body: CreateApplicationBody): Promise<ApplicantApplication> => answer(api.POST('/api/applications', { body }))

export function useCreateApplication() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createApplication,
    // The response is the session's application: the next screen needs no extra request.
    onSuccess: (application) => queryClient.setQueryData(CURRENT_APPLICATION_KEY, application),
  })
}
