import { useMutation } from '@tanstack/react-query'
import type { ApplicationSummary, CreateApplicationBody } from '@kakunin/schema/application'
import { apiFetch } from '../../../lib/api-client.ts'

export const createApplication = (body: CreateApplicationBody) =>
  apiFetch<ApplicationSummary>('/applications', { method: 'POST', body })

export function useCreateApplication() {
  return useMutation({ mutationFn: createApplication })
}
