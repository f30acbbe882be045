import type { HTMLInputAutoCompleteAttribute, ReactNode } from 'react'
import { describedBy } from './field-ids.ts'
import { FieldError } from './field-error.tsx'
import { FieldHint } from './field-hint.tsx'
import type { InputRegistration } from './input-registration.ts'
import { RequirementMark } from './requirement-mark.tsx'

export interface SelectOption {
  value: string
  label: string
}

/** A labelled select whose first option, 選択してください, stands for "not chosen yet". */
export function SelectField(props: {
  id: string
  label: ReactNode
  hint?: ReactNode
  required?: boolean
  error?: string | undefined
  options: readonly SelectOption[]
  registration: InputRegistration<HTMLSelectElement>
  autoComplete?: HTMLInputAutoCompleteAttribute
}) {
  const { id, label, hint, required = true, error, options, registration } = props
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>
        {label} <RequirementMark required={required} />
      </label>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <FieldError id={`${id}-error`} message={error} />
      <select
        id={id}
        className="select"
        autoComplete={props.autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        {...registration}
      >
        <option value="">選択してください</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
