/** What a screen shows while its data or code loads. */
export function Loading() {
  return (
    <p className="loading" role="status" aria-busy="true">
      読み込み中…
    </p>
  )
}
