import { useParams } from 'wouter'

/** Shown once the application exists; the steps of the form follow from here. */
export function StartedPage() {
  const { reference } = useParams<{ reference: string }>()
  return (
    <>
      <h1>お申し込みを開始しました</h1>
      <div className="panel" role="status">
        <p>受付番号</p>
        <p className="reference" data-testid="reference">
          {reference}
        </p>
      </div>
      <p>お問い合わせの際は、この受付番号をお知らせください。</p>
    </>
  )
}
