import type { ReactNode } from 'react'
import { Redirect } from 'wouter'
import type { ApplicantApplication, ApplicationStatus } from '@kakunin/schema/application'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import { Loading } from '#src/components/feedback/loading.tsx'
import { useCurrentApplication } from './api/get-current-application.ts'
import { resumePath } from './apply-paths.ts'
import { LoadError } from './load-error.tsx'

/** The statuses a screen is for: the same in every flow, or one list per flow. */
export type GateStatuses = readonly ApplicationStatus[] | Readonly<Record<ApplicationFlow, readonly ApplicationStatus[]>>

const statusesOf = (statuses: GateStatuses, flow: ApplicationFlow): readonly ApplicationStatus[] =>
  Array.isArray(statuses) ? statuses : (statuses as Record<ApplicationFlow, readonly ApplicationStatus[]>)[flow]

/**
 * Renders a screen of the application only when this browser's session has one in a status the
 * screen is for (`statuses`, per flow where they differ): without one, back to the entry question;
 * otherwise to where the application continues (a draft cannot see 身元確認, a submitted one cannot
 * be edited, a denied one is corrected on the confirmation screen).
 */
export function ApplicationGate({
  statuses,
  children,
}: {
  statuses: GateStatuses
  children: (application: ApplicantApplication) => ReactNode
}) {
  const current = useCurrentApplication()
  if (current.isPending) return <Loading />
  if (current.isError) return <LoadError message={current.error.message} onRetry={() => void current.refetch()} />
  const application = current.data
  if (!application) return <Redirect to="/" replace />
  if (!statusesOf(statuses, application.flow).includes(application.status)) return <Redirect to={resumePath(application)} replace />
  return children(application)
}
