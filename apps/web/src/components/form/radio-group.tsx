import type { ReactNode } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { RequirementMark } from './requirement-mark.tsx'

export interface RadioOption {
  value: string
  label: ReactNode
  hint?: ReactNode
}

/** A fieldset of radios; the first radio's id is `${id}` so error links can focus the group. */
export function RadioGroup(props: {
  id: string
  legend: ReactNode
  hint?: ReactNode
  required?: boolean
  options: RadioOption[]
  error?: string | undefined
  registration: UseFormRegisterReturn
}) {
  const { id, legend, hint, required = true, options, error, registration } = props
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className={error ? 'field field-error' : 'field'} aria-describedby={describedBy}>
      <legend>
        {legend} <RequirementMark required={required} />
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error-message">
          <span className="visually-hidden">エラー:</span>
          {error}
        </p>
      )}
      <div className="radios">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`
          return (
            <div className="radio" key={option.value}>
              <input
                type="radio"
                id={optionId}
                value={option.value}
                aria-invalid={error ? true : undefined}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                {...registration}
              />
              <label htmlFor={optionId}>{option.label}</label>
              {option.hint && (
                <p id={`${optionId}-hint`} className="hint">
                  {option.hint}
                </p>
              )}
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
