import type { App } from '../app.ts'

export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])

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

/** What the licence of the valid test applicant says. */
export const matchingDetails = {
  familyName: '山田',
  givenName: '太郎',
  birthDate: { year: '1990', month: '4', day: '1' },
  address: '東京都渋谷区渋谷2丁目21番1号',
}
