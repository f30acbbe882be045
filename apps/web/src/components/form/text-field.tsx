import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute, ReactNode } from 'react'
import type { InputRegistration } from './input-registration.ts'
import { LabelledField } from './labelled-field.tsx'

export type FieldWidth = 'full' | 'medium' | 'short' | 'digits-4' | 'digits-2'

/** A labelled single-line input with its ※必須/※任意 mark, hint and error. */
export function TextField(props: {
  id: string
  label: ReactNode
  hint?: ReactNode
  required?: boolean
  error?: string | undefined
  registration: InputRegistration
  type?: HTMLInputTypeAttribute
  inputMode?: 'text' | 'email' | 'numeric' | 'tel' | 'url'
  autoComplete?: HTMLInputAutoCompleteAttribute
  width?: FieldWidth
  spellCheck?: boolean
}) {
  const { id, label, hint, required = true, error, registration, type = 'text', width = 'full' } = props
  return (
    <LabelledField id={id} label={label} hint={hint} required={required} error={error}>
      {(aria) => (
        <input
          id={id}
          className={`input input-${width}`}
          type={type}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete}
          spellCheck={props.spellCheck}
          {...aria}
          {...registration}
        />
      )}
    </LabelledField>
  )
}
