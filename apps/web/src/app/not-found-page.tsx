import { Link } from 'wouter'

export function NotFoundPage() {
  return (
    <>
      <h1>ページが見つかりません</h1>
      <p>URL に誤りがないかご確認ください。</p>
      <p>
        <Link href="/">最初のページへ戻る</Link>
      </p>
    </>
  )
}
