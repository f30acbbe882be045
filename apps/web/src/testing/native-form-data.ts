import { File as NodeFile } from 'node:buffer'

// jsdom gives the page its own FormData, File and Blob, while fetch is Node's (undici). Node 22
// and later no longer serialise a FormData that is not their own: a jsdom one is sent as the text
// "[object FormData]". Uploads in component tests are therefore rebuilt as Node's FormData, with
// each file's bytes, before they reach the fetch that MSW intercepts, as a browser would send them.

const NodeFormData = (await new Response('probe=1', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData()).constructor as typeof FormData

function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.onerror = () => reject(reader.error ?? new Error('the test file could not be read'))
    reader.readAsArrayBuffer(blob)
  })
}

async function toNodeFormData(form: FormData): Promise<FormData> {
  const native = new NodeFormData()
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') native.append(name, value)
    else native.append(name, new NodeFile([new Uint8Array(await bytesOf(value))], value.name, { type: value.type }) as unknown as Blob, value.name)
  }
  return native
}

/** Wraps the current fetch (MSW's, once it listens) so that a page's FormData leaves as Node's. */
export function sendFormDataAsNode() {
  const fetchBefore = globalThis.fetch
  globalThis.fetch = async (input, init) => {
    if (init?.body instanceof FormData && !(init.body instanceof NodeFormData)) return fetchBefore(input, { ...init, body: await toNodeFormData(init.body) })
    return fetchBefore(input, init)
  }
  return () => {
    globalThis.fetch = fetchBefore
  }
}
