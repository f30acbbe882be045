import { UPLOAD_MAX_BYTES, UPLOAD_TYPES } from '@kakunin/schema/sandbox-ekyc'

export const NOT_AN_IMAGE_MESSAGE = '画像ファイル（JPEG、PNG、HEIC、WebP）を選択してください'
export const TOO_LARGE_MESSAGE = `画像は${UPLOAD_MAX_BYTES / 1024 / 1024}MBまでです。サイズを小さくして、もう一度撮影してください`

const IMAGE_NAME = /\.(jpe?g|png|heic|heif|webp)$/i

/**
 * What the browser can tell before sending: the type the file claims (or, when it claims none,
 * its name) and its size. The API decides by the bytes in the end.
 */
export function checkImage(file: File): string | undefined {
  const knownType = file.type ? (UPLOAD_TYPES as readonly string[]).includes(file.type) : IMAGE_NAME.test(file.name)
  if (!knownType) return NOT_AN_IMAGE_MESSAGE
  if (file.size === 0) return '画像が空です。もう一度撮影してください'
  if (file.size > UPLOAD_MAX_BYTES) return TOO_LARGE_MESSAGE
  return undefined
}
