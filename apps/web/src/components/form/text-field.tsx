import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute, ReactNode } from 'react'
import { describedBy } from './field-ids.ts'
import { FieldError } from './field-error.tsx'
import { FieldHint } from './field-hint.tsx'
import type { InputRegistration } from './input-registration.ts'
import { RequirementMark } from './requirement-mark.tsx'

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
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>
        {label} <RequirementMark required={required} />
      </label>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={id}
        className={`input input-${width}`}
        type={type}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        {...registration}
      />
    </div>
  )
}
