import { useEffect, type ComponentType } from 'react'

/**
 * Loads the code of the screen the applicant most likely opens next while this one is shown, so
 * 次へ does not wait for a chunk (and show 読み込み中…). Idle time, so it does not compete with this
 * screen's own requests; a failure is left to the lazy import that retries it when the screen opens.
 */
export function usePrefetch(load: (() => Promise<unknown>) | undefined) {
  useEffect(() => {
    if (!load) return
    const run = () => void load().catch(() => {})
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(run, { timeout: 2000 })
      return () => window.cancelIdleCallback(handle)
    }
    const handle = window.setTimeout(run, 200)
    return () => window.clearTimeout(handle)
  }, [load])
}

/** `Page`, then the code of the screen after it. */
export function withPrefetch(Page: ComponentType, next: () => Promise<unknown>): ComponentType {
  return function PageThenNext() {
    usePrefetch(next)
    return <Page />
  }
}
