import type { ReactNode } from 'react'
import { describedBy } from './field-ids.ts'
import { FieldError } from './field-error.tsx'
import { FieldHint } from './field-hint.tsx'
import type { InputRegistration } from './input-registration.ts'
import { RequirementMark } from './requirement-mark.tsx'

export interface ChoiceOption {
  value: string
  label: ReactNode
  hint?: ReactNode
  /** Follow-up questions shown under this option (pass them only while it is chosen). */
  conditional?: ReactNode
}

export interface ChoiceGroupProps {
  /** The first input's id, so an error link lands on the group. */
  id: string
  legend: ReactNode
  hint?: ReactNode
  required?: boolean
  options: readonly ChoiceOption[]
  error?: string | undefined
  registration: InputRegistration
}

/** Radios or checkboxes in a fieldset whose legend is the question. */
export function ChoiceGroup({ type, ...props }: ChoiceGroupProps & { type: 'radio' | 'checkbox' }) {
  const { id, legend, hint, required = true, options, error, registration } = props
  return (
    <fieldset
      className={error ? 'field field-error' : 'field'}
      aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
    >
      <legend>
        {legend} <RequirementMark required={required} />
      </legend>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <FieldError id={`${id}-error`} message={error} />
      <div className="choices">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`
          return (
            <div className="choice" key={option.value}>
              <input
                type={type}
                id={optionId}
                value={option.value}
                aria-invalid={error ? true : undefined}
                // The group's error on each choice too: not every screen reader reads a fieldset's description.
                aria-describedby={describedBy(option.hint ? `${optionId}-hint` : undefined, error && `${id}-error`)}
                {...registration}
              />
              <label htmlFor={optionId}>{option.label}</label>
              {option.hint && (
                <p id={`${optionId}-hint`} className="hint">
                  {option.hint}
                </p>
              )}
              {option.conditional && <div className="conditional">{option.conditional}</div>}
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
