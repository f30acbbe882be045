import type { App } from '#src/app.ts'

import { documentDetails, JPEG } from '@kakunin/test-data/documents'
import { validAnswers } from './valid-answers.ts'

export { JPEG, PNG } from '@kakunin/test-data/documents'

/** A multipart/form-data body with one file, as a phone's file input sends it. */
export function multipart(file: Buffer, filename = 'photo.jpg', type = 'image/jpeg') {
  const boundary = '----kakunin-test-boundary'
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** The phone that scanned the QR code: it knows only the URL's token. */
export function sandboxPhone(app: App, url: string) {
  const token = new URL(url).pathname.split('/').pop()!
  const base = `/api/sandbox-ekyc/sessions/${token}`
  return {
    session: () => app.inject({ url: base }),
    start: (method = 'ho', documentType = 'drivers_license') =>
      app.inject({ method: 'POST', url: `${base}/start`, payload: { method, documentType } }),
    upload: (kind: string, file: Buffer = JPEG) => app.inject({ method: 'POST', url: `${base}/uploads/${kind}`, ...multipart(file) }),
    complete: (details: object) => app.inject({ method: 'POST', url: `${base}/complete`, payload: details }),
    /** The whole phone flow with a driver's licence showing `details`. */
    async verify(details: object) {
      for (const response of [await this.start(), await this.upload('front'), await this.upload('back'), await this.upload('selfie')]) {
        if (response.statusCode !== 204) throw new Error(`phone step failed: ${response.body}`)
      }
      return this.complete(details)
    },
  }
}

/** What the licence of the valid test applicant says, its address in the notation licences use (2丁目21番1号). */
export const matchingDetails = { ...documentDetails(validAnswers.user), address: '東京都渋谷区渋谷2丁目21番1号' }
