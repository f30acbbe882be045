import { useState } from 'react'
import {
  DOCUMENT_TYPE_LABELS,
  requiredUploads,
  UPLOAD_KIND_LABELS,
  type DocumentType,
  type SandboxMethod,
  type SandboxSessionView,
  type UploadKind,
} from '@kakunin/schema/sandbox-ekyc'
import { ErrorSummary, type SummaryError } from '#src/components/form/error-summary.tsx'
import { ImageInput, imageInputId } from './image-input.tsx'
import { PhoneHeading, PhoneProgress } from './phone-layout.tsx'

function hintFor(kind: UploadKind, documentLabel: string): string {
  if (kind === 'selfie') return '明るい場所で、帽子やマスクを外し、顔全体が写るように撮影してください。'
  return `${documentLabel}の${UPLOAD_KIND_LABELS[kind]}全体が、文字が読めるように写るよう撮影してください。`
}

/**
 * Step 2: the photos the method and document need. Each is sent as soon as it is taken; 次へ
 * checks that none is missing. `missing` carries the API's word when 送信 found one missing.
 */
export function CaptureImages(props: {
  token: string
  session: SandboxSessionView & { method: SandboxMethod; documentType: DocumentType }
  missing: Partial<Record<UploadKind, string>>
  onNext: () => void
  onRechoose: () => void
}) {
  const { token, session, missing, onNext, onRechoose } = props
  const kinds = requiredUploads(session.method, session.documentType)
  const documentLabel = DOCUMENT_TYPE_LABELS[session.documentType]
  const [attempt, setAttempt] = useState(0)
  const [errors, setErrors] = useState<SummaryError[]>([])
  const notTaken = kinds.filter((kind) => !session.uploaded.includes(kind))
  const visibleErrors = errors.filter((error) => notTaken.some((kind) => imageInputId(kind) === error.fieldId))

  function next() {
    const left = notTaken.map((kind) => ({ fieldId: imageInputId(kind), message: `${UPLOAD_KIND_LABELS[kind]}を撮影してください` }))
    setErrors(left)
    if (left.length > 0) setAttempt((n) => n + 1)
    else onNext()
  }

  const fieldError = (kind: UploadKind) => visibleErrors.find((error) => error.fieldId === imageInputId(kind))?.message ?? missing[kind]

  return (
    <>
      <PhoneProgress step={2} of={3} />
      <PhoneHeading title={session.method === 'ic_chip' ? '顔写真を撮影する' : '本人確認書類と顔写真を撮影する'} />
      <p>
        本人確認書類：<strong>{documentLabel}</strong>
      </p>
      {session.method === 'ic_chip' && <p className="notice">サンドボックスでは、ICチップの読み取りは省略されます。顔写真を撮影してください。</p>}
      <p>
        「{UPLOAD_KIND_LABELS[kinds[0] ?? 'selfie']}を撮影する」{kinds.length > 1 ? 'などのボタン' : ''}を押すとカメラが起動します。撮影した画像はすぐに送信され、画面に表示されます。写りが悪いときは「撮り直す」を押してください。
      </p>
      <ErrorSummary title="撮影されていない画像があります" attempt={attempt} errors={visibleErrors} />
      {kinds.map((kind) => (
        <ImageInput
          key={kind}
          token={token}
          kind={kind}
          hint={hintFor(kind, documentLabel)}
          uploaded={session.uploaded.includes(kind)}
          error={fieldError(kind)}
        />
      ))}
      <div className="actions">
        <button type="button" className="button" onClick={next}>
          次へ
        </button>
        <button type="button" className="button button-secondary" onClick={onRechoose}>
          本人確認書類を選び直す
        </button>
      </div>
    </>
  )
}
