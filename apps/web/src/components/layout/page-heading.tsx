import { useEffect, useId, useRef, type ReactNode } from 'react'

const SITE_TITLE = '取引時確認情報の登録'

// The first heading of the visit: the browser has just put the reader at the top of the page.
let firstHeadingId: string | undefined

/**
 * The screen's <h1> and the document title (`site` names the service, when it is not this form).
 * After an in-app navigation the page does not reload,
 * so focus moves to the heading, as a new page would put a screen reader there.
 */
export function PageHeading({ children, title, site = SITE_TITLE }: { children: ReactNode; title: string; site?: string }) {
  const id = useId()
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = title === site ? site : `${title} | ${site}`
  }, [title, site])
  useEffect(() => {
    // Keyed by the component's id so React's development double effect does not count twice.
    firstHeadingId ??= id
    if (firstHeadingId !== id) ref.current?.focus()
  }, [id])
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  )
}
