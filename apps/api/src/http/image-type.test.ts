import { describe, expect, it } from 'vitest'
import { heicHeader, JPEG_IMAGE, pdfDocument, pngImage, WEBP_IMAGE } from '@kakunin/test-data/images'
import { detectDocumentType } from '#src/http/document-type.ts'
import { detectImageType } from './image-type.ts'

/** A JPEG whose start-of-frame says `width` × `height`, with the rest of the file as it was. */
function jpegSized(width: number, height: number) {
  const bytes = Buffer.from(JPEG_IMAGE)
  const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]))
  bytes.writeUInt16BE(height, sof + 5)
  bytes.writeUInt16BE(width, sof + 7)
  return bytes
}

describe('detectImageType', () => {
  it.each([
    ['a JPEG', JPEG_IMAGE, 'image/jpeg'],
    ['a PNG', pngImage(), 'image/png'],
    ['a lossless WebP', WEBP_IMAGE, 'image/webp'],
    ['a HEIC photo from a 12 MP camera', heicHeader(4032, 3024), 'image/heic'],
    ['a JPEG of 16,320 × 12,240 (a 200 MP camera)', jpegSized(16_320, 12_240), 'image/jpeg'],
  ])('recognises %s by its header', (_, bytes, type) => {
    expect(detectImageType(bytes)).toBe(type)
  })

  it('reads a lossy WebP and an extended one to their size', () => {
    const lossy = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 \0\0\0\0'), Buffer.from([0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xf0, 0x00])])
    expect(detectImageType(lossy)).toBe('image/webp')
    const extended = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0', 'latin1'), Buffer.from([0, 0, 0, 0, 0x3f, 0x01, 0, 0xef, 0, 0])])
    expect(detectImageType(extended)).toBe('image/webp')
    expect(detectImageType(Buffer.concat([lossy.subarray(0, 26), Buffer.from([0, 0, 0xf0, 0])]))).toBeNull()
  })

  it.each([
    // The magic bytes alone were enough before: followed by nothing, or by anything, they are no image.
    ['three JPEG magic bytes', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])],
    ['a JPEG cut off before its frame header', JPEG_IMAGE.subarray(0, JPEG_IMAGE.indexOf(Buffer.from([0xff, 0xc0])) + 4)],
    ['a JPEG whose scan comes before any frame', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 8, 1, 2, 3, 4, 5, 6])],
    ['a JPEG 0 pixels high', jpegSized(16, 0)],
    ['a JPEG 60,000 pixels wide', jpegSized(60_000, 12)],
    ['the PNG signature alone', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['a PNG 0 pixels wide', pngImage(0, 12)],
    ['a PNG 65,535 pixels high', pngImage(16, 1).fill(0, 20, 24).fill(0xff, 22, 24)],
    ['a PNG with a bit depth of 7', Buffer.from(pngImage()).fill(7, 24, 25)],
    ['RIFF/WEBP with no image chunk', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])],
    ['an ftyp box with no sizes', Buffer.concat([Buffer.alloc(4), Buffer.from('ftypheic'), Buffer.alloc(4)])],
    ['a HEIC 0 pixels wide', heicHeader(0, 3024)],
    ['a PDF', pdfDocument()],
    ['text named .jpg', Buffer.from('hello')],
    ['an empty file', Buffer.alloc(0)],
  ])('rejects %s', (_, bytes) => {
    expect(detectImageType(bytes)).toBeNull()
  })
})

describe('detectDocumentType', () => {
  it('takes a whole PDF and any photo', () => {
    expect(detectDocumentType(pdfDocument())).toBe('application/pdf')
    expect(detectDocumentType(Buffer.concat([pdfDocument(), Buffer.from('\r\n\0\0')]))).toBe('application/pdf')
    expect(detectDocumentType(JPEG_IMAGE)).toBe('image/jpeg')
  })

  it.each([
    ['a PDF header and nothing else', Buffer.from('%PDF-1.7\n')],
    ['a PDF cut off before its trailer', pdfDocument().subarray(0, 200)],
    ['a PDF of a version that does not exist', Buffer.from(pdfDocument().toString('latin1').replace('%PDF-1.4', '%PDF-9.9'), 'latin1')],
    ['%%EOF with no startxref', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n')],
  ])('rejects %s', (_, bytes) => {
    expect(detectDocumentType(bytes)).toBeNull()
  })
})
