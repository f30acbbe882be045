import type { ReactNode } from 'react'
import { describedBy } from './field-ids.ts'
import { FieldError } from './field-error.tsx'
import { FieldHint } from './field-hint.tsx'
import { RequirementMark } from './requirement-mark.tsx'

/** What the control needs to be announced with its hint and error. */
export interface ControlAria {
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/**
 * The frame every single control shares: the label with its ※必須/※任意 mark, the hint, the error
 * beside the field, and the aria attributes that tie them to the control the caller renders.
 */
export function LabelledField(props: {
  id: string
  label: ReactNode
  hint?: ReactNode
  required?: boolean
  error?: string | undefined
  /** Further ids that describe the control (e.g. a character count). */
  describedByAlso?: string
  children: (aria: ControlAria) => ReactNode
}) {
  const { id, label, hint, required = true, error, describedByAlso, children } = props
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>
        {label} <RequirementMark required={required} />
      </label>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <FieldError id={`${id}-error`} message={error} />
      {children({
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined, describedByAlso),
      })}
    </div>
  )
}
