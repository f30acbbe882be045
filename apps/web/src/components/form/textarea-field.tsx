import type { ReactNode } from 'react'
import { describedBy } from './field-ids.ts'
import { FieldError } from './field-error.tsx'
import { FieldHint } from './field-hint.tsx'
import type { InputRegistration } from './input-registration.ts'
import { RequirementMark } from './requirement-mark.tsx'

/**
 * Text over several lines, with its ※必須/※任意 mark, hint, error and how many characters are
 * left of `maxLength`. Nothing is cut off while typing: too long is the schema's error to report.
 */
export function TextareaField(props: {
  id: string
  label: ReactNode
  hint?: ReactNode
  required?: boolean
  error?: string | undefined
  registration: InputRegistration<HTMLTextAreaElement>
  maxLength: number
  /** The characters typed so far. */
  length: number
  rows?: number
}) {
  const { id, label, hint, required = true, error, registration, maxLength, length, rows = 8 } = props
  const over = length > maxLength
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>
        {label} <RequirementMark required={required} />
      </label>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <FieldError id={`${id}-error`} message={error} />
      <textarea
        id={id}
        className="textarea"
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined, `${id}-count`)}
        {...registration}
      />
      <p id={`${id}-count`} className={over ? 'character-count character-count-over' : 'character-count'}>
        {over ? `${length - maxLength}文字多すぎます（${maxLength}文字まで）` : `あと${maxLength - length}文字入力できます`}
      </p>
    </div>
  )
}
