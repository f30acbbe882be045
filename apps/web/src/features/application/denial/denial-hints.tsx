/** What the review asks to correct, as the reviewer said it; a general line when it said nothing. */
export function DenialHints({ hints }: { hints: readonly string[] }) {
  return (
    <ul className="denial-hints">
      {hints.length > 0 ? (
        hints.map((hint) => <li key={hint}>{hint}</li>)
      ) : (
        <li>フォームにご入力いただいた内容と、本人確認書類の内容が一致しませんでした。</li>
      )}
    </ul>
  )
}
