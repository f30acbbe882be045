import { Redirect } from 'wouter'
import { Loading } from '../../../components/feedback/loading.tsx'
import { useCurrentApplication } from '../api/get-current-application.ts'
import { resumePath } from '../apply-paths.ts'
import { EntryQuestion } from './entry-question.tsx'

/**
 * `/`: an application in this browser's session continues where it stopped (to fill in, verify,
 * correct, or wait for); once approved, the entry question starts another one.
 */
export function EntryPage() {
  const current = useCurrentApplication()
  if (current.isPending) return <Loading />
  if (current.data && current.data.status !== 'APPROVED') return <Redirect to={resumePath(current.data)} replace />
  return <EntryQuestion />
}
