/** The application could not be read (network, server): say so and offer to try again. */
export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <h1>お申し込みの内容を読み込めませんでした</h1>
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        再読み込み
      </button>
    </div>
  )
}
