import type { ReactNode } from 'react'
import { Redirect } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { Loading } from '../../components/feedback/loading.tsx'
import { useCurrentApplication } from './api/get-current-application.ts'
import { resumePath } from './apply-paths.ts'
import { LoadError } from './load-error.tsx'

/**
 * Renders a screen of the application only when this browser's session has one in the state the
 * screen is for: without one, back to the entry question; a draft cannot see the 受付 screen, a
 * submitted application cannot be edited.
 */
export function ApplicationGate({
  status,
  children,
}: {
  status: 'draft' | 'submitted'
  children: (application: ApplicantApplication) => ReactNode
}) {
  const current = useCurrentApplication()
  if (current.isPending) return <Loading />
  if (current.isError) return <LoadError message={current.error.message} onRetry={() => void current.refetch()} />
  const application = current.data
  if (!application) return <Redirect to="/" replace />
  if ((status === 'draft') !== (application.status === 'DRAFT')) return <Redirect to={resumePath(application)} replace />
  return children(application)
}
