import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { ApplicantApplication } from '@kakunin/schema/application'
import type { ResumePoint, StepId } from '@kakunin/schema/form/steps'
import { answer, api } from '#src/lib/api-client.ts'
import { stepDraftBody, stepDraftPath } from '#src/features/application/api/step-request.ts'
import { CURRENT_APPLICATION_KEY } from '#src/features/application/api/current-application-key.ts'
import { ownVersion, writeInBackground } from '#src/features/application/api/own-versions.ts'
import { holdFields, readHeldFields, type HeldFields } from './draft-storage.ts'

export interface SaveStepDraftInput {
  id: string
  step: StepId
  version: number
  /** Only fields that are right on their own (splitDraft's `valid`). */
  values: Record<string, unknown>
  resumeAt: ResumePoint
}

const putDraft = ({ id, step, version, values, resumeAt }: SaveStepDraftInput, keepalive = false): Promise<ApplicantApplication> =>
  answer(api.PUT(stepDraftPath(step), { params: { path: { id } }, body: stepDraftBody({ version, values, resumeAt }), keepalive }))

export const saveStepDraft = async (input: SaveStepDraftInput) => putDraft({ ...input, version: await ownVersion(input.id, input.version) })

export function useSaveStepDraft() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveStepDraft,
    onSuccess: (application) => queryClient.setQueryData(CURRENT_APPLICATION_KEY, application),
  })
}

/**
 * A screen left by a link or closed: its right fields go to the server in the background (sent so
 * that a closing tab still delivers them); once they are in, this tab holds only the wrong ones.
 * Until then, or when the save is refused, the tab holds everything typed (`typed`).
 */
export function saveDraftOnLeave(
  queryClient: QueryClient,
  input: SaveStepDraftInput,
  typed: HeldFields,
  invalid: HeldFields,
  { leavingPage = false } = {},
) {
  holdFields(input.id, input.step, typed)
  const heldNow = JSON.stringify(readHeldFields(input.id, input.step))
  return writeInBackground(
    input.id,
    input.version,
    async (version) => {
      const application = await putDraft({ ...input, version }, true)
      // Only if nothing newer was held meanwhile (the person came back and left again).
      if (JSON.stringify(readHeldFields(input.id, input.step)) === heldNow) holdFields(input.id, input.step, invalid)
      queryClient.setQueryData(CURRENT_APPLICATION_KEY, application)
      return application
    },
    { leavingPage },
  )
}
