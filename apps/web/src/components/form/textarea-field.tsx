import type { ReactNode } from 'react'
import type { InputRegistration } from './input-registration.ts'
import { LabelledField } from './labelled-field.tsx'

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
    <LabelledField id={id} label={label} hint={hint} required={required} error={error} describedByAlso={`${id}-count`}>
      {(aria) => (
        <>
          <textarea id={id} className="textarea" rows={rows} {...aria} {...registration} />
          <p id={`${id}-count`} className={over ? 'character-count character-count-over' : 'character-count'}>
            {over ? `${length - maxLength}文字多すぎます（${maxLength}文字まで）` : `あと${maxLength - length}文字入力できます`}
          </p>
        </>
      )}
    </LabelledField>
  )
}
