import type { HTMLInputAutoCompleteAttribute, ReactNode } from 'react'
import type { InputRegistration } from './input-registration.ts'
import { LabelledField } from './labelled-field.tsx'

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
    <LabelledField id={id} label={label} hint={hint} required={required} error={error}>
      {(aria) => (
        <select id={id} className="select" autoComplete={props.autoComplete} {...aria} {...registration}>
          <option value="">選択してください</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  )
}
