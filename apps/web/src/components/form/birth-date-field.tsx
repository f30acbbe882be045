import type { ReactNode } from 'react'
import { useFormContext } from 'react-hook-form'
import { describedBy, fieldId } from './field-ids.ts'
import { FieldHint } from './field-hint.tsx'
import { RequirementMark } from './requirement-mark.tsx'
import { useErrorMessage } from './use-error-message.ts'

const PARTS = [
  { key: 'year', label: '年', width: 'digits-4', autoComplete: 'bday-year' },
  { key: 'month', label: '月', width: 'digits-2', autoComplete: 'bday-month' },
  { key: 'day', label: '日', width: 'digits-2', autoComplete: 'bday-day' },
] as const

/**
 * 生年月日 as three numeric inputs in 西暦 (デジタル庁デザインシステム), registered as `${name}.year`
 * and so on. A message about the whole date (実在しない日付) sits on `name` itself.
 */
export function BirthDateField(props: {
  name: string
  legend: ReactNode
  hint?: ReactNode
  /** An autocomplete section, so one person's birthday does not fill another's. */
  autoCompleteSection?: string
}) {
  const { name, legend, hint, autoCompleteSection } = props
  const { register } = useFormContext()
  const errorMessage = useErrorMessage()
  const id = fieldId(name)
  const dateError = errorMessage(name)
  const partErrors = PARTS.map((part) => errorMessage(`${name}.${part.key}`))
  const messages = [...new Set([dateError, ...partErrors].filter((m): m is string => Boolean(m)))]
  const hasError = messages.length > 0
  return (
    <fieldset
      id={id}
      className={hasError ? 'field field-error' : 'field'}
      aria-describedby={describedBy(`${id}-hint`, hasError && `${id}-error`)}
    >
      <legend>
        {legend} <RequirementMark required />
      </legend>
      <FieldHint id={`${id}-hint`}>
        {hint}
        <p>西暦で入力してください。（例：1990年4月1日）</p>
      </FieldHint>
      {hasError && (
        <div id={`${id}-error`} className="error-message">
          {messages.map((message) => (
            <p key={message}>
              <span className="visually-hidden">エラー：</span>
              {message}
            </p>
          ))}
        </div>
      )}
      <div className="date-inputs">
        {PARTS.map((part, index) => {
          const partId = `${id}-${part.key}`
          return (
            <div className="date-input" key={part.key}>
              <input
                id={partId}
                className={`input input-${part.width}`}
                type="text"
                inputMode="numeric"
                autoComplete={autoCompleteSection ? `section-${autoCompleteSection} ${part.autoComplete}` : part.autoComplete}
                aria-invalid={dateError || partErrors[index] ? true : undefined}
                {...register(`${name}.${part.key}`)}
              />
              <label htmlFor={partId}>{part.label}</label>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
