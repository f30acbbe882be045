import { describe, expect, it } from 'vitest'
import { detectImageType } from './image-type.ts'

describe('detectImageType', () => {
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'image/webp'],
    ['HEIC', Buffer.concat([Buffer.alloc(4), Buffer.from('ftypheic'), Buffer.alloc(4)]), 'image/heic'],
  ])('recognises %s by its bytes', (_, bytes, type) => {
    expect(detectImageType(bytes)).toBe(type)
  })

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7')],
    ['text named .jpg', Buffer.from('hello')],
    ['an empty file', Buffer.alloc(0)],
  ])('rejects %s', (_, bytes) => {
    expect(detectImageType(bytes)).toBeNull()
  })
})
