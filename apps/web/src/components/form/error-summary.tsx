import { useEffect, useRef } from 'react'

export interface SummaryError {
  /** The id of the input (or the first input of a group) the link moves focus to. */
  fieldId: string
  message: string
}

/**
 * GOV.UK-style error summary: appears above the form, takes focus so screen readers announce it,
 * and links to each field with an error. `attempt` changes on every failed submit to refocus.
 */
export function ErrorSummary({ errors, attempt }: { errors: SummaryError[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus()
    // Refocus on each failed attempt, not on every re-render while typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt])
  if (errors.length === 0) return null
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">入力内容に問題があります</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                event.preventDefault()
                document.getElementById(error.fieldId)?.focus()
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
