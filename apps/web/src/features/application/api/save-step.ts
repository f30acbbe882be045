import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApplicantApplication } from '@kakunin/schema/application'
import type { StepValues } from '@kakunin/schema/form/application-form'
import type { ResumePoint, StepId } from '@kakunin/schema/form/steps'
import { answer, api } from '#src/lib/api-client.ts'
import { CURRENT_APPLICATION_KEY } from './current-application-key.ts'
import { ownVersion } from './own-versions.ts'
import { stepBody, stepPath } from './step-request.ts'

export interface SaveStepInput {
  id: string
  step: StepId
  /** The version the answers were read at; the API answers 409 when someone saved since. */
  version: number
  /** The step schema's parsed output for `step`. */
  values: StepValues[StepId]
  resumeAt: ResumePoint
}

export const saveStep = async ({ id, step, version, values, resumeAt }: SaveStepInput): Promise<ApplicantApplication> =>
  answer(api.PUT(stepPath(step), { params: { path: { id } }, body: stepBody({ version: await ownVersion(id, version), values, resumeAt }) }))

export function useSaveStep() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveStep,
    onSuccess: (application) => queryClient.setQueryData(CURRENT_APPLICATION_KEY, application),
  })
}
