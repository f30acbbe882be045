import { Redirect } from 'wouter'
import { Loading } from '../../../components/feedback/loading.tsx'
import { useCurrentApplication } from '../api/get-current-application.ts'
import { resumePath } from '../apply-paths.ts'
import { EntryQuestion } from './entry-question.tsx'

/** `/`: a draft in this browser's session continues where it stopped; otherwise the entry question. */
export function EntryPage() {
  const current = useCurrentApplication()
  if (current.isPending) return <Loading />
  if (current.data?.status === 'DRAFT') return <Redirect to={resumePath(current.data)} replace />
  return <EntryQuestion />
}
