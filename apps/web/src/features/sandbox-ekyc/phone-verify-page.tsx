import { useState } from 'react'
import { useParams } from 'wouter'
import type { UploadKind } from '@kakunin/schema/sandbox-ekyc'
import { requiredUploads } from '@kakunin/schema/sandbox-ekyc'
import { Loading } from '#src/components/feedback/loading.tsx'
import { ApiRequestError } from '#src/lib/api-client.ts'
import { useSandboxSession } from './api/get-session.ts'
import { CaptureImages } from './capture-images.tsx'
import { ChooseDocumentForm } from './choose-document-form.tsx'
import { DetailsForm } from './details-form.tsx'
import { PhoneDone, PhoneExpired, PhoneUnknown } from './phone-notices.tsx'
import { PhoneLayout } from './phone-layout.tsx'

type Screen = 'choose' | 'capture' | 'details'

/**
 * `/m/verify/:token`, opened from the QR code: the sandbox vendor's app. Which screen shows comes
 * from the session (so a reload continues where the phone was): nothing chosen yet → the
 * document; chosen → the photos, or the details once every photo is in; sent → done.
 */
export function PhoneVerifyPage() {
  return (
    <PhoneLayout>
      <PhoneFlow />
    </PhoneLayout>
  )
}

function PhoneFlow() {
  const { token = '' } = useParams<{ token: string }>()
  const session = useSandboxSession(token)
  // Moves the person asked for (選び直す, 次へ, 撮影に戻る); otherwise the session decides.
  const [chosen, setChosen] = useState<Screen>()
  const [missing, setMissing] = useState<Partial<Record<UploadKind, string>>>({})

  if (session.isPending) return <Loading />
  if (session.isError) {
    const { error } = session
    if (error instanceof ApiRequestError && error.status === 404) return <PhoneUnknown message={error.message} />
    return (
      <div className="notice notice-error" role="alert">
        <p>{error.message}</p>
        <button type="button" className="button" onClick={() => void session.refetch()}>
          再読み込み
        </button>
      </div>
    )
  }

  const data = session.data
  if (data.status === 'EXPIRED') return <PhoneExpired />
  if (data.status === 'SUBMITTED' || data.status === 'REVIEWED') return <PhoneDone />
  const { method, documentType } = data
  if (data.status === 'PENDING' || !method || !documentType || chosen === 'choose') {
    return <ChooseDocumentForm token={token} session={data} onStarted={() => setChosen('capture')} />
  }
  if (chosen === undefined) {
    // Opened (or reloaded) mid-way: the photos, or the details once every photo is in. Pinned, so
    // the last photo taken does not whisk the person away before they see it is in.
    const allTaken = requiredUploads(method, documentType).every((kind) => data.uploaded.includes(kind))
    setChosen(allTaken ? 'details' : 'capture')
    return null
  }
  if (chosen === 'details') {
    return (
      <DetailsForm
        token={token}
        documentType={documentType}
        onBack={() => setChosen('capture')}
        onMissingImages={(found) => {
          setMissing(found)
          setChosen('capture')
        }}
      />
    )
  }
  return (
    <CaptureImages
      token={token}
      session={{ ...data, method, documentType }}
      missing={missing}
      onNext={() => setChosen('details')}
      onRechoose={() => setChosen('choose')}
    />
  )
}
