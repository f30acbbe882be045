import { useEffect, useRef } from 'react'

/**
 * A save or submit the API refused for a reason outside the form (409: saved elsewhere since, or
 * no longer editable). Takes focus like the error summary; 再読み込み fetches the latest state.
 */
export function ConflictNotice({ message, onReload, reloading }: { message: string; onReload: () => void; reloading: boolean }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [message])
  return (
    <div ref={ref} className="notice notice-error" role="alert" tabIndex={-1}>
      <p>{message}</p>
      <button type="button" className="button" onClick={onReload} disabled={reloading}>
        再読み込み
      </button>
    </div>
  )
}
