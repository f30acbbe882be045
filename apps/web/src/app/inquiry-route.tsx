import { useQuery } from '@tanstack/react-query'
import { useSearch } from 'wouter'
import { INQUIRY_KINDS, type InquiryKind } from '@kakunin/schema/inquiry'
import { Loading } from '#src/components/feedback/loading.tsx'
import { currentApplicationQueryOptions } from '#src/features/application/api/get-current-application.ts'
import { InquiryPage } from '#src/features/inquiry/inquiry-page.tsx'

const isKind = (value: string | null): value is InquiryKind => (INQUIRY_KINDS as readonly (string | null)[]).includes(value)

/**
 * `/inquiry`, composed here from two features: opened from an application's page
 * (`?from=application`), 取引時確認 is chosen and the session's application, if it has one, is
 * attached; `?kind=` chooses a kind.
 */
export function InquiryRoute() {
  const search = new URLSearchParams(useSearch())
  const fromApplication = search.get('from') === 'application'
  const kind = search.get('kind')
  const current = useQuery({ ...currentApplicationQueryOptions(), enabled: fromApplication })
  if (fromApplication && current.isPending) return <Loading />
  return (
    <InquiryPage
      initialKind={isKind(kind) ? kind : fromApplication ? 'KYC' : undefined}
      attachedReference={fromApplication ? current.data?.reference : undefined}
    />
  )
}
