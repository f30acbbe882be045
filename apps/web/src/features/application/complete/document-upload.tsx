import { useRef, useState, type ReactNode } from 'react'
import type { UseMutationResult } from '@tanstack/react-query'
import { describedBy } from '#src/components/form/field-ids.ts'
import { FieldError } from '#src/components/form/field-error.tsx'
import { FieldHint } from '#src/components/form/field-hint.tsx'
import { RequirementMark } from '#src/components/form/requirement-mark.tsx'
import { readServerError } from '#src/lib/server-errors.ts'
import { checkReviewDocument, REVIEW_DOCUMENT_ACCEPT, REVIEW_DOCUMENT_FORMATS } from './check-review-document.ts'

/**
 * One document to upload: what it is, a file input (a photo or a PDF) and アップロードする. The
 * browser checks type and size first; a refusal, the browser's or the API's, is shown on the field
 * and announced. 提出済み comes from the caller (`uploaded`, as the API reports it).
 */
export function DocumentUpload(props: {
  id: string
  name: string
  label: string
  hint: ReactNode
  required: boolean
  uploaded: boolean
  /** What 提出済み says, when more than the label is worth saying (when it was sent). */
  uploadedText?: string
  upload: UseMutationResult<undefined, Error, File>
}) {
  const { id, name, label, hint, required, uploaded, upload } = props
  const input = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string>()

  function refuse(message: string) {
    setError(message)
    input.current?.focus()
  }

  function onUpload() {
    const file = input.current?.files?.[0]
    const problem = file ? checkReviewDocument(file) : `${label}のファイルを選択してください`
    if (!file || problem) {
      refuse(problem ?? '')
      return
    }
    setError(undefined)
    upload.mutate(file, {
      onSuccess: () => {
        if (input.current) input.current.value = ''
      },
      onError: (failure) => {
        const found = readServerError(failure)
        setError(found.fields.file ?? found.message)
      },
    })
  }

  const state = upload.isPending ? 'アップロードしています…' : uploaded ? (props.uploadedText ?? `${label}：提出済み`) : `${label}：まだ提出されていません`
  return (
    <div className={error ? 'field field-error review-document' : 'field review-document'}>
      <label htmlFor={id}>
        {label} <RequirementMark required={required} />
      </label>
      <FieldHint id={`${id}-hint`}>
        {hint}
        <p>{REVIEW_DOCUMENT_FORMATS}</p>
      </FieldHint>
      {/* Always on the page, so a refusal is announced as it appears. */}
      <div role="alert">
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <input
        ref={input}
        id={id}
        name={name}
        className="file-input"
        type="file"
        accept={REVIEW_DOCUMENT_ACCEPT}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`, `${id}-state`)}
        onChange={() => setError(undefined)}
        disabled={upload.isPending}
      />
      <div className="upload-actions">
        <button type="button" className="button button-secondary" onClick={onUpload} disabled={upload.isPending}>
          アップロードする<span className="visually-hidden">（{label}）</span>
        </button>
      </div>
      <p id={`${id}-state`} className={uploaded && !upload.isPending ? 'upload-state upload-done' : 'upload-state'} role="status">
        {state}
      </p>
    </div>
  )
}
