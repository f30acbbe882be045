import { useEffect, useRef } from 'react'

export interface SummaryError {
  /** The id of the input (or of a fieldset or link) the error link moves focus to. */
  fieldId: string
  message: string
}

const CONTROLS = 'input, select, textarea, button, a[href]'

/** Focuses the element itself when it is a control, else the first control inside it (a fieldset). */
function focusField(id: string) {
  const target = document.getElementById(id)
  const control = target?.matches(CONTROLS) ? target : target?.querySelector<HTMLElement>(CONTROLS)
  control?.focus()
}

/**
 * GOV.UK-style error summary: appears above the form, takes focus so screen readers announce it,
 * and links to each field with an error. `attempt` changes on every failed submit to refocus.
 */
export function ErrorSummary({
  errors,
  attempt,
  title = '入力内容に問題があります',
}: {
  errors: SummaryError[]
  attempt: number
  title?: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  const focusedAttempt = useRef(0)
  const visible = errors.length > 0
  useEffect(() => {
    // Once per failed attempt, as soon as the summary is on screen (the errors may arrive a
    // render after the attempt); not on every re-render while the person types.
    if (visible && attempt !== focusedAttempt.current) {
      focusedAttempt.current = attempt
      ref.current?.focus()
    }
  }, [attempt, visible])
  if (errors.length === 0) return null
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.fieldId}:${error.message}`}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                event.preventDefault()
                focusField(error.fieldId)
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
