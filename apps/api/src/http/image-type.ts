export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic'

/**
 * Sides no photo of a document has: 0 means the header is broken, and more than this is no phone
 * camera (200 MP sensors give 16,320 × 12,240) but a decompression bomb for whoever opens it.
 */
const MAX_SIDE = 30_000

interface Dimensions {
  width: number
  height: number
}

/**
 * The image type by its bytes: JPEG, PNG, WebP or HEIC/HEIF, and only when its header decodes to
 * dimensions a photo can have; null for anything else. Three magic bytes followed by anything
 * are not an image: the header is read as far as the width and height.
 */
export function detectImageType(bytes: Buffer): ImageType | null {
  const found = sniff(bytes)
  if (!found) return null
  const size = found.dimensions(bytes)
  if (!size) return null
  const sane = (side: number) => Number.isInteger(side) && side >= 1 && side <= MAX_SIDE
  return sane(size.width) && sane(size.height) ? found.type : null
}

function sniff(bytes: Buffer): { type: ImageType; dimensions: (bytes: Buffer) => Dimensions | null } | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { type: 'image/jpeg', dimensions: jpegDimensions }
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { type: 'image/png', dimensions: pngDimensions }
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return { type: 'image/webp', dimensions: webpDimensions }
  const brand = bytes.subarray(8, 12).toString('latin1')
  if (bytes.subarray(4, 8).toString('latin1') === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return { type: 'image/heic', dimensions: heifDimensions }
  return null
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The first chunk is IHDR (13 bytes): width, height, a valid bit depth and colour type. */
function pngDimensions(bytes: Buffer): Dimensions | null {
  if (bytes.length < 33 || bytes.readUInt32BE(8) !== 13 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return null
  const [depth = 0, colour = 0] = [bytes[24], bytes[25]]
  if (![1, 2, 4, 8, 16].includes(depth) || ![0, 2, 3, 4, 6].includes(colour)) return null
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

// Start-of-frame markers (baseline, progressive, lossless, arithmetic); C4, C8 and CC are not frames.
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

/** The segments after SOI, up to the start-of-frame that holds height and width; the scan must not come first. */
function jpegDimensions(bytes: Buffer): Dimensions | null {
  let offset = 2
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null
    const marker = bytes[offset + 1] ?? 0
    // Fill bytes, and the markers that carry no length.
    if (marker === 0xff) {
      offset += 1
      continue
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return null
    const length = bytes.readUInt16BE(offset + 2)
    if (length < 2) return null
    if (SOF_MARKERS.has(marker)) {
      if (length < 8 || offset + 9 > bytes.length) return null
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) }
    }
    offset += 2 + length
  }
  return null
}

/** The first chunk says how: VP8 (lossy) after its start code, VP8L (lossless) after its signature, VP8X (extended) as canvas size. */
function webpDimensions(bytes: Buffer): Dimensions | null {
  const chunk = bytes.subarray(12, 16).toString('latin1')
  if (chunk === 'VP8 ' && bytes.length >= 30 && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff }
  }
  if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = bytes.readUInt32LE(21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 }
  }
  return null
}

/**
 * HEIF keeps sizes in `ispe` properties: meta → iprp → ipco → ispe. A photo split in tiles has one
 * per tile and one for the whole picture, which is the largest.
 */
function heifDimensions(bytes: Buffer): Dimensions | null {
  const meta = boxes(bytes, 0, bytes.length).find((box) => box.type === 'meta')
  // meta is a full box: version and flags come before its children.
  const iprp = meta && boxes(bytes, meta.start + 4, meta.end).find((box) => box.type === 'iprp')
  const ipco = iprp && boxes(bytes, iprp.start, iprp.end).find((box) => box.type === 'ipco')
  if (!ipco) return null
  const sizes = boxes(bytes, ipco.start, ipco.end)
    .filter((box) => box.type === 'ispe' && box.end - box.start >= 12)
    .map((box) => ({ width: bytes.readUInt32BE(box.start + 4), height: bytes.readUInt32BE(box.start + 8) }))
  return sizes.sort((a, b) => b.width * b.height - a.width * a.height)[0] ?? null
}

/** The ISO BMFF boxes between two offsets (their contents' start and end); stops at the first one that does not fit. */
function boxes(bytes: Buffer, from: number, to: number) {
  const found: { type: string; start: number; end: number }[] = []
  let offset = from
  while (offset + 8 <= to) {
    let size = bytes.readUInt32BE(offset)
    let header = 8
    if (size === 1) {
      if (offset + 16 > to) break
      size = Number(bytes.readBigUInt64BE(offset + 8))
      header = 16
    } else if (size === 0) {
      size = to - offset
    }
    if (size < header || offset + size > to) break
    found.push({ type: bytes.subarray(offset + 4, offset + 8).toString('latin1'), start: offset + header, end: offset + size })
    offset += size
  }
  return found
}
