import { Link } from 'wouter'
import { PageHeading } from '#src/components/layout/page-heading.tsx'

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="ページが見つかりません">ページが見つかりません</PageHeading>
      <p>URL に誤りがないかご確認ください。</p>
      <p>
        <Link href="/">最初のページへ戻る</Link>
      </p>
    </>
  )
}
