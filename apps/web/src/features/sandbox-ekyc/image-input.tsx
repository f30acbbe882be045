import { useRef, useState, type ChangeEvent, type MouseEvent } from 'react'
import { UPLOAD_KIND_LABELS, type UploadKind } from '@kakunin/schema/sandbox-ekyc'
import { describedBy } from '#src/components/form/field-ids.ts'
import { FieldError } from '#src/components/form/field-error.tsx'
import { FieldHint } from '#src/components/form/field-hint.tsx'
import { RequirementMark } from '#src/components/form/requirement-mark.tsx'
import { readServerError } from '#src/lib/server-errors.ts'
import { useUploadImage } from './api/upload-image.ts'
import { checkImage } from './check-image.ts'
import { useObjectUrl } from './object-url.ts'

export const imageInputId = (kind: UploadKind) => `image-${kind}`

/**
 * One photo to take. The button is a <label> for a visually hidden file input, so the phone opens
 * its camera (the back one for the document, the front one for the face) and the input itself
 * keeps the keyboard focus, the error and the description. The browser checks type and size first;
 * the photo is sent at once and shown, and a refusal (not an image, too large) is announced on the
 * field as the API words it. The preview is always the photo the API holds or is receiving: when
 * a new one is refused, the one before comes back.
 */
export function ImageInput(props: { token: string; kind: UploadKind; hint: string; uploaded: boolean; error?: string | undefined }) {
  const { token, kind, hint } = props
  const upload = useUploadImage(token, kind)
  const [error, setError] = useState<string>()
  const [previewUrl, showPreview] = useObjectUrl()
  const accepted = useRef<File>(undefined)
  const id = imageInputId(kind)
  const label = UPLOAD_KIND_LABELS[kind]
  // The session says so after its refetch; the mutation says so at once.
  const uploaded = props.uploaded || upload.isSuccess
  const shownError = error ?? (uploaded ? undefined : props.error)
  const taken = uploaded || previewUrl !== undefined

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    // Emptied, so that choosing the same file again (after a failed send) is a change too.
    event.target.value = ''
    if (!file) return
    const problem = checkImage(file)
    setError(problem)
    if (problem) return
    showPreview(file)
    upload.mutate(file, {
      onSuccess: () => {
        accepted.current = file
      },
      onError: (failure) => {
        const found = readServerError(failure)
        setError(found.fields.file ?? found.message)
        showPreview(accepted.current)
      },
    })
  }

  // Not `disabled`: that would drop the keyboard focus while the photo is sent. No second photo
  // can be chosen meanwhile, so two sends cannot overtake each other.
  function onClick(event: MouseEvent<HTMLInputElement>) {
    if (upload.isPending) event.preventDefault()
  }

  const state = upload.isPending ? `${label}を送信しています…` : uploaded && !error ? `${label}：撮影済み` : ''
  return (
    <div className={shownError ? 'field field-error capture' : 'field capture'}>
      <h2 className="capture-title">
        {label} <RequirementMark required />
      </h2>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      {/* Present from the start, so that a refusal appearing in it is read out. */}
      <div role="alert">{error && <FieldError id={`${id}-error`} message={error} />}</div>
      {!error && <FieldError id={`${id}-error`} message={shownError} />}
      {previewUrl && <img className="capture-preview" src={previewUrl} alt={`撮影した${label}の画像`} />}
      <input
        id={id}
        name={kind}
        className="visually-hidden capture-input"
        type="file"
        accept="image/*"
        capture={kind === 'selfie' ? 'user' : 'environment'}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, shownError && `${id}-error`, `${id}-state`)}
        aria-disabled={upload.isPending || undefined}
        onChange={onChange}
        onClick={onClick}
      />
      <label htmlFor={id} className={taken ? 'button button-secondary capture-button' : 'button capture-button'}>
        <CameraIcon />
        {taken ? (
          <span>
            <span className="visually-hidden">{label}を</span>撮り直す
          </span>
        ) : (
          <span>{label}を撮影する</span>
        )}
      </label>
      <p id={`${id}-state`} className={uploaded && !error ? 'upload-state upload-done' : 'upload-state'} role="status">
        {state}
      </p>
    </div>
  )
}

function CameraIcon() {
  return (
    <svg className="capture-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M9 4 7.2 6H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-3.2L15 4H9Zm3 4.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9Zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z" />
    </svg>
  )
}
