import type { ReactNode } from 'react'
import { Redirect } from 'wouter'
import type { ApplicantApplication, ApplicationStatus } from '@kakunin/schema/application'
import { Loading } from '../../components/feedback/loading.tsx'
import { useCurrentApplication } from './api/get-current-application.ts'
import { resumePath } from './apply-paths.ts'
import { LoadError } from './load-error.tsx'

/**
 * Renders a screen of the application only when this browser's session has one in a status the
 * screen is for (`statuses`): without one, back to the entry question; otherwise to where the
 * application continues (a draft cannot see 身元確認, a submitted one cannot be edited, a denied
 * one is corrected on the confirmation screen).
 */
export function ApplicationGate({
  statuses,
  children,
}: {
  statuses: readonly ApplicationStatus[]
  children: (application: ApplicantApplication) => ReactNode
}) {
  const current = useCurrentApplication()
  if (current.isPending) return <Loading />
  if (current.isError) return <LoadError message={current.error.message} onRetry={() => void current.refetch()} />
  const application = current.data
  if (!application) return <Redirect to="/" replace />
  if (!statuses.includes(application.status)) return <Redirect to={resumePath(application)} replace />
  return children(application)
}
