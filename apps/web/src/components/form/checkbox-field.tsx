import type { ReactNode } from 'react'
import { describedBy } from './field-ids.ts'
import { FieldError } from './field-error.tsx'
import { FieldHint } from './field-hint.tsx'
import type { InputRegistration } from './input-registration.ts'
import { RequirementMark } from './requirement-mark.tsx'

/**
 * A yes/no question answered by ticking one box. The input has no value attribute, so
 * react-hook-form reads it as true/false rather than as a string.
 */
export function CheckboxField(props: {
  id: string
  legend: ReactNode
  label: ReactNode
  hint?: ReactNode
  error?: string | undefined
  registration: InputRegistration
}) {
  const { id, legend, label, hint, error, registration } = props
  return (
    <fieldset className={error ? 'field field-error' : 'field'}>
      <legend>
        {legend} <RequirementMark required={false} />
      </legend>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <FieldError id={`${id}-error`} message={error} />
      <div className="choice">
        <input
          type="checkbox"
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
          {...registration}
        />
        <label htmlFor={id}>{label}</label>
      </div>
    </fieldset>
  )
}
