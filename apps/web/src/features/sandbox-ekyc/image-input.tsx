import { useState, type ChangeEvent } from 'react'
import { UPLOAD_KIND_LABELS, type UploadKind } from '@kakunin/schema/sandbox-ekyc'
import { describedBy } from '#src/components/form/field-ids.ts'
import { FieldError } from '#src/components/form/field-error.tsx'
import { FieldHint } from '#src/components/form/field-hint.tsx'
import { RequirementMark } from '#src/components/form/requirement-mark.tsx'
import { readServerError } from '#src/lib/server-errors.ts'
import { useUploadImage } from './api/upload-image.ts'
import { checkImage } from './check-image.ts'

export const imageInputId = (kind: UploadKind) => `image-${kind}`

/**
 * One photo to take: the camera opens from the file input (the back camera for the document, the
 * front one for the face). The browser checks type and size first; the photo is sent at once, and
 * a refusal (not an image, too large) is shown on the field as the API words it.
 */
export function ImageInput(props: { token: string; kind: UploadKind; hint: string; uploaded: boolean; error?: string | undefined }) {
  const { token, kind, hint, uploaded } = props
  const upload = useUploadImage(token, kind)
  const [error, setError] = useState<string>()
  const id = imageInputId(kind)
  const label = UPLOAD_KIND_LABELS[kind]
  const shownError = error ?? (uploaded ? undefined : props.error)

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    if (!file) return
    const problem = checkImage(file)
    setError(problem)
    if (problem) return
    upload.mutate(file, {
      onError: (failure) => {
        const found = readServerError(failure)
        setError(found.fields.file ?? found.message)
      },
    })
  }

  const state = upload.isPending ? 'アップロードしています…' : uploaded && !error ? `${label}：撮影済み` : ''
  return (
    <div className={shownError ? 'field field-error image-input' : 'field image-input'}>
      <label htmlFor={id}>
        {label}を撮影 <RequirementMark required />
      </label>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <FieldError id={`${id}-error`} message={shownError} />
      <input
        id={id}
        name={kind}
        className="file-input"
        type="file"
        accept="image/*"
        capture={kind === 'selfie' ? 'user' : 'environment'}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, shownError && `${id}-error`, `${id}-state`)}
        onChange={onChange}
        disabled={upload.isPending}
      />
      <p id={`${id}-state`} className={uploaded && !error ? 'upload-state upload-done' : 'upload-state'} role="status">
        {state}
      </p>
    </div>
  )
}
