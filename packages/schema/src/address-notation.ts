// How two spellings of the same text or place are recognised: the sandbox reviewer compares a
// declaration with a document by these, and the API finds a 同居の親族 at the customer's address.

/** NFKC, no spaces of any width, one kind of dash. */
export function normalizeText(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[\u2010-\u2015\u2212\u30fc\uff70]/g, '-')
}

/** Addresses: 2丁目21番1号, 2-21-1 and ２－２１－１ are the same place. */
export function normalizeAddress(value: string): string {
  return normalizeText(value)
    .replace(/(\d)(?:丁目|番地|番|号)/g, '$1-')
    .replace(/(\d)-?の(?=\d)/g, '$1-')
    .replace(/-+/g, '-')
    .replace(/-(?=\D|$)/g, '')
}
