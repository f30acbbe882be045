import http from 'node:http'
import type net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorResponse } from '@kakunin/schema/errors'
import { JPEG_IMAGE, pngImage } from '@kakunin/test-data/images'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { sandboxPhone } from '#src/test/sandbox-phone.ts'
import { buildTestApp } from '#src/test/test-app.ts'

// Over a real keep-alive connection, as a phone's browser sends its photos: a refused upload must
// not leave the rest of its body unread, or the next request on the connection waits for it.

let app: App
let port: number
let uploadPath: string
beforeAll(async () => {
  app = await buildTestApp()
  await app.listen({ host: '127.0.0.1', port: 0 })
  port = (app.server.address() as net.AddressInfo).port
  const browser = await applicantBrowser(app)
  await browser.submitComplete()
  const started = await browser.send('POST', `/api/applications/${browser.id}/verifications`)
  expect(started.statusCode, started.body).toBe(201)
  const { url } = started.json()
  const phone = sandboxPhone(app, url)
  expect((await phone.start()).statusCode).toBe(204)
  uploadPath = `/api/sandbox-ekyc/sessions/${new URL(url).pathname.split('/').pop()}/uploads/front`
})
afterAll(() => app.close())

const boundary = '----kakunin-keep-alive'
const filePart = (name: string, bytes: Buffer, filename = 'photo.png') =>
  Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from('\r\n'),
  ])
const fieldPart = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
const body = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)])

/** One connection that every request reuses; each answer records the local port it came over. */
function connection() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const send = (method: string, path: string, payload?: Buffer) =>
    new Promise<{ status: number; body: string; localPort: number; ms: number }>((resolve, reject) => {
      const started = performance.now()
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: payload ? { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': payload.length } : {},
        },
        (response) => {
          let text = ''
          response.setEncoding('utf8').on('data', (chunk) => (text += chunk))
          response.on('end', () => resolve({ status: response.statusCode!, body: text, localPort: request.socket!.localPort!, ms: performance.now() - started }))
        },
      )
      // Past this the connection hangs: the server is waiting for a body nobody reads.
      request.setTimeout(5000, () => request.destroy(new Error(`${method} ${path} got no answer within 5 s`)))
      request.on('error', reject)
      request.end(payload)
    })
  return { send, close: () => agent.destroy() }
}

const twoMegabytes = Buffer.concat([pngImage(), Buffer.alloc(2 * 1024 * 1024, 7)])

describe('an upload with more parts than the one file', () => {
  it.each([
    ['a second file', body(filePart('file', pngImage()), filePart('file', twoMegabytes))],
    ['a second file under another name', body(filePart('file', JPEG_IMAGE, 'front.jpg'), filePart('extra', twoMegabytes))],
    ['a field before the file', body(fieldPart('note', 'x'.repeat(1000)), filePart('file', twoMegabytes))],
    ['a field after the file', body(filePart('file', pngImage()), fieldPart('note', 'x'.repeat(100_000)))],
  ])('%s: 400 in the error shape at once, and the connection carries the next request', async (_, payload) => {
    const { send, close } = connection()
    try {
      const refused = await send('POST', uploadPath, payload)
      expect(refused.status).toBe(400)
      expect(errorResponse.parse(JSON.parse(refused.body)).error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { file: expect.stringMatching(/1つ/) } })
      expect(refused.ms).toBeLessThan(3000)

      const next = await send('POST', uploadPath, body(filePart('file', pngImage())))
      expect(next.status).toBe(204)
      expect(next.localPort).toBe(refused.localPort)
    } finally {
      close()
    }
  })

  it('a file under another name than `file` is no upload', async () => {
    const { send, close } = connection()
    try {
      const refused = await send('POST', uploadPath, body(filePart('photo', pngImage())))
      expect(refused.status).toBe(400)
      expect(JSON.parse(refused.body).error.fields.file).toMatch(/選択してください/)
      expect((await send('POST', uploadPath, body(filePart('file', pngImage())))).localPort).toBe(refused.localPort)
    } finally {
      close()
    }
  })

  it('a file over the limit: 413, and the connection carries the next request', async () => {
    const { send, close } = connection()
    try {
      const refused = await send('POST', uploadPath, body(filePart('file', Buffer.concat([pngImage(), Buffer.alloc(10 * 1024 * 1024 + 1)]))))
      expect(refused.status).toBe(413)
      const next = await send('POST', uploadPath, body(filePart('file', pngImage())))
      expect(next.status).toBe(204)
      expect(next.localPort).toBe(refused.localPort)
    } finally {
      close()
    }
  })
})
