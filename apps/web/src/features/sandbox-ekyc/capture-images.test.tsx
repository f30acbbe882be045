import { fireEvent, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SandboxSessionView, UploadKind } from '@kakunin/schema/sandbox-ekyc'
import { API, apiError } from '#src/testing/handlers.ts'
import { aSandboxSession } from '@kakunin/test-data/sandbox-sessions'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

const TOKEN = 'phone-token'

/** The sandbox API behind the phone's capture screen: the session, and the photos it received. */
function fakeApi(session: Partial<SandboxSessionView> = {}) {
  const state = {
    session: aSandboxSession(session),
    received: [] as { kind: string; type: string }[],
    refuse: undefined as string | undefined,
  }
  server.use(
    http.get(`${API}/sandbox-ekyc/sessions/:token`, () => HttpResponse.json(state.session)),
    http.post(`${API}/sandbox-ekyc/sessions/:token/uploads/:kind`, ({ params, request }) => {
      // Not the body: undici cannot stream the bytes of jsdom's File (the e2e tests send real ones).
      state.received.push({ kind: String(params.kind), type: request.headers.get('content-type')?.split(';')[0] ?? '' })
      if (state.refuse) return apiError(415, 'UNSUPPORTED_MEDIA_TYPE', state.refuse, { file: state.refuse })
      state.session = { ...state.session, uploaded: [...new Set([...state.session.uploaded, params.kind as UploadKind])] }
      return new HttpResponse(null, { status: 204 })
    }),
  )
  return state
}

async function openCapture() {
  const app = renderApp(`/m/verify/${TOKEN}`)
  await screen.findByRole('heading', { level: 1, name: '本人確認書類と顔写真を撮影する' })
  return app
}

const png = (name: string) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' })

// jsdom has no object URLs: each photo gets a numbered one, and revoking is recorded.
let created: string[]
let revoked: string[]
beforeEach(() => {
  created = []
  revoked = []
  Object.assign(URL, {
    createObjectURL: vi.fn(() => {
      created.push(`blob:http://localhost/photo-${created.length + 1}`)
      return created.at(-1)
    }),
    revokeObjectURL: vi.fn((url: string) => void revoked.push(url)),
  })
})

describe('the phone capture screen', () => {
  it('offers one large button per photo, each a label of a focusable file input opening the right camera', async () => {
    fakeApi()
    const { user } = await openCapture()
    const front = screen.getByLabelText('表面を撮影する')
    expect(front).toHaveAttribute('type', 'file')
    expect(front).toHaveAttribute('accept', 'image/*')
    expect(front).toHaveAttribute('capture', 'environment')
    expect(screen.getByLabelText('裏面を撮影する')).toHaveAttribute('capture', 'environment')
    expect(screen.getByLabelText('顔写真を撮影する')).toHaveAttribute('capture', 'user')
    expect(front).toHaveClass('visually-hidden')
    expect(front).toHaveAccessibleDescription(/表面全体が、文字が読めるように/)
    expect(screen.getByText(/「表面を撮影する」などのボタンを押すとカメラが起動します/)).toBeInTheDocument()

    // The keyboard reaches each input in turn (it is hidden from sight, not from focus).
    front.focus()
    await user.tab()
    expect(screen.getByLabelText('裏面を撮影する')).toHaveFocus()
    expect(screen.queryByRole('img', { name: /撮影した/ })).not.toBeInTheDocument()
  })

  it('shows the photo chosen, sends it, and offers 撮り直す, which replaces it', async () => {
    const api = fakeApi()
    const { user } = await openCapture()

    await user.upload(screen.getByLabelText('表面を撮影する'), png('front-1.png'))

    expect(await screen.findByText('表面：撮影済み')).toBeInTheDocument()
    expect(screen.getByRole('img', { name: '撮影した表面の画像' })).toHaveAttribute('src', 'blob:http://localhost/photo-1')
    expect(api.received).toEqual([{ kind: 'front', type: 'multipart/form-data' }])
    const retake = screen.getByLabelText('表面を撮り直す')
    expect(screen.getByText('撮り直す')).toBeVisible()
    expect(screen.getByLabelText('裏面を撮影する')).toBeInTheDocument()

    await user.upload(retake, png('front-2.png'))

    await vi.waitFor(() => expect(api.received).toHaveLength(2))
    expect(api.received[1]).toEqual({ kind: 'front', type: 'multipart/form-data' })
    expect(screen.getByRole('img', { name: '撮影した表面の画像' })).toHaveAttribute('src', 'blob:http://localhost/photo-2')
    expect(revoked).toEqual(['blob:http://localhost/photo-1'])
  })

  it('announces a refusal in Japanese and shows the photo the API still holds', async () => {
    const api = fakeApi()
    const { user } = await openCapture()
    await user.upload(screen.getByLabelText('顔写真を撮影する'), png('face.png'))
    await screen.findByText('顔写真：撮影済み')

    const refusal = '画像ファイル（JPEG、PNG、HEIC、WebP）を選択してください'
    api.refuse = refusal
    await user.upload(screen.getByLabelText('顔写真を撮り直す'), png('fake.png'))

    const input = screen.getByLabelText('顔写真を撮り直す')
    await vi.waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'))
    const announced = screen.getAllByRole('alert').find((element) => element.textContent?.includes(refusal))
    expect(announced).toBeDefined()
    expect(input).toHaveAccessibleDescription(new RegExp(refusal))
    // The one sent first is back in view; the refused one's URL is gone.
    expect(screen.getByRole('img', { name: '撮影した顔写真の画像' })).toHaveAttribute('src', 'blob:http://localhost/photo-3')
    expect(revoked).toEqual(['blob:http://localhost/photo-1', 'blob:http://localhost/photo-2'])
  })

  it('refuses a file that is not an image before sending it, and says so', async () => {
    const api = fakeApi()
    await openCapture()
    const front = screen.getByLabelText('表面を撮影する')

    fireEvent.change(front, { target: { files: [new File(['memo'], 'memo.txt', { type: 'text/plain' })] } })

    const alert = await screen.findByText('画像ファイル（JPEG、PNG、HEIC、WebP）を選択してください')
    expect(alert.closest('[role="alert"]')).not.toBeNull()
    expect(front).toHaveAttribute('aria-invalid', 'true')
    expect(screen.queryByRole('img', { name: /撮影した/ })).not.toBeInTheDocument()
    expect(api.received).toEqual([])
  })

  it('revokes the preview’s URL when the screen goes away', async () => {
    fakeApi({ method: 'ic_chip' })
    const { user, unmount } = await renderCaptureOnly()
    await user.upload(screen.getByLabelText('顔写真を撮影する'), png('face.png'))
    await screen.findByText('顔写真：撮影済み')
    expect(revoked).toEqual([])

    unmount()

    expect(revoked).toEqual(['blob:http://localhost/photo-1'])
  })

  it('after a reload, says which photos are in and offers to retake them', async () => {
    fakeApi({ uploaded: ['front'] })
    await openCapture()
    const field = screen.getByLabelText('表面を撮り直す').closest('.field') as HTMLElement
    expect(within(field).getByText('表面：撮影済み')).toBeInTheDocument()
    expect(screen.getByLabelText('裏面を撮影する')).toBeInTheDocument()
  })
})

async function renderCaptureOnly() {
  const app = renderApp(`/m/verify/${TOKEN}`)
  await screen.findByRole('heading', { level: 1, name: '顔写真を撮影する' })
  return app
}
