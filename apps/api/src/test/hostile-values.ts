import fc from 'fast-check'

/**
 * Single values that have broken services before or that parsers, PostgreSQL and zod each treat
 * in their own way: int4 and 2^53 edges, numbers JSON cannot carry, unpaired surrogates, NUL and
 * control characters, direction marks, combining and full-width characters, very long text.
 */

/** A JSON fragment written into the body as it is (1e400, NaN, deep nesting): JSON.stringify cannot produce it. */
export class RawJson {
  readonly text: string

  constructor(text: string) {
    this.text = text
  }
}

/** JSON.stringify, with each RawJson written as its text. */
export function stringifyJson(value: unknown): string {
  const raws: string[] = []
  const text = JSON.stringify(value, (_key, item: unknown) => (item instanceof RawJson ? `\u0000raw${raws.push(item.text) - 1}\u0000` : item))
  return raws.length === 0 ? text : text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_match, index: string) => raws[Number(index)]!)
}

const ODD_PIECES = [
  '\ud800', '\udfff', '\udc00\ud800', 'ビル\ud800', '\u0000', '山\u0000田', '\u0001', '\u0008', '\u001b[31m', '\u007f', '\u0085',
  '\u2028', '\u2029', '\u200b', '\u200e', '\u200f', '\u202e', '\u2066', '\ufeff', '\ufffe', '\uffff', 'e\u0301\u0301\u0301',
  '\u0e49\u0e49\u0e49', '１２３４', '٣٤', 'ｱｲｳ', '𠮷', '髙', '😀', '\\', '"', "'", '%00', '%', '%zz', '../', '..%2F', '<script>',
  '${x}', '{{x}}', '__proto__', 'constructor', 'NaN', 'Infinity', '-Infinity', '1e309', '-0', '2147483648', '9007199254740993',
  ' ', '\t', '\r\n', 'null', 'true', '0x7fffffff', 'ＡＣ', `AC${'0'.repeat(32)}`, "' OR 1=1 --", 'SELECT', '\\u0000', '\\ud800',
]

/** One character or short sequence that text fields must refuse or keep as it is. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('\ud800', '\udfff', '\udc00\ud800', '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u202e', '\u200f', '\ufeff', '\uffff') },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_PIECES) },
)

/** Any UTF-16 code unit, lone surrogates included (fast-check's own units only make well-formed text). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit))

const longText = fc
  .tuple(fc.constantFrom('a', 'あ', '𠮷', '\u0000', '\ud800', '1', ' '), fc.constantFrom(51, 101, 201, 255, 2_001, 10_000, 300_000, 1_100_000))
  .map(([unit, length]) => unit.repeat(length))

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof(fc.constantFrom(...ODD_PIECES), fc.constantFrom('山田', 'ビル', 'abc', '1')), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: longText },
)

export const hostileNumber: fc.Arbitrary<number | RawJson> = fc.oneof(
  fc.constantFrom(
    2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53) - 2, 1e21, 1e308, Number.MAX_VALUE,
    Number.MIN_VALUE, -1, 0, -0, 0.5, 1.0000001, 1 - Number.EPSILON,
  ),
  fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '1.0', '-0', '0e0', '1E+2', '0.1e-400').map((text) => new RawJson(text)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)

/** A value nested `depth` times, written as text (building it as objects would cost more than the request). */
const deepJson = fc
  .tuple(fc.constantFrom(64, 1_000, 20_000), fc.boolean())
  .map(([depth, arrays]) => new RawJson(arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`))

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': '' }) },
  { weight: 1, arbitrary: fc.constantFrom('NaN', 'Infinity', '-Infinity', 'NaN').map((word) => new RawJson(word)) },
  { weight: 1, arbitrary: deepJson },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
)

/** Keys a handler might trust if they slipped through: prototypes, ids and statuses. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'status', 'version', 'applicationId', 'role', 'answers', ''),
  hostileString.filter((key) => key.length < 300),
)

/** Whole bodies that are not the JSON they claim to be, or JSON of the wrong kind. */
export const hostileBodyText: fc.Arbitrary<string> = fc.constantFrom(
  '', ' ', 'NaN', '{"version": NaN}', '{', '{"a":', '[]', '[{}]', '""', '0', 'null', 'true', '{"a":1,"a":2}', '\ufeff{}',
  '{} x', '{/*c*/}', "{'a':1}", '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', '\u0000',
  '{"version":1e400}', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'a=1&b=2', '--x\r\n', '\ud800',
)

/** Percent-encodes each UTF-16 unit; a lone surrogate becomes the bytes no UTF-8 decoder accepts. */
export function percentEncode(text: string) {
  let out = ''
  for (const char of text) {
    const unit = char.charCodeAt(0)
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += `%${(0xe0 | (unit >> 12)).toString(16).toUpperCase()}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (unit & 0x3f)).toString(16).toUpperCase()}`
    } else {
      out += encodeURIComponent(char)
    }
  }
  return out
}

/** URL text that is not valid percent-encoding, or segments and queries far longer than any real one. */
export const hostileUrlText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%', '%z', '%zz', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF', '%00', '%2F', '..', '%2E%2E', '%25', '%u0041', '\\'),
  fc.constantFrom(101, 1_001, 10_000, 80_000).map((length) => 'a'.repeat(length)),
)
