import { File as NodeFile } from 'node:buffer'

// jsdom gives the page its own FormData, File and Blob, while fetch and Request are Node's (undici).
// Node 22 and later no longer serialise a FormData that is not their own: a jsdom one is sent as the
// text "[object FormData]". Uploads in component tests are therefore rebuilt as Node's FormData,
// with each file's bytes, before they reach the fetch that MSW intercepts, as a browser would send
// them. The API client builds a Request before it fetches, so the page's FormData is kept beside
// the Request (which says multipart/form-data, as a browser's would) until it is sent.

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

const NodeRequest = globalThis.Request
const pageForms = new WeakMap<Request, FormData>()

const isPageForm = (body: unknown): body is FormData => body instanceof FormData && !(body instanceof NodeFormData)

/**
 * Makes `new Request(url, { body: pageFormData })` keep the page's FormData for the fetch below.
 * Must run before the SPA's modules load: its API client takes the global Request when created.
 */
export function keepFormDataInRequests() {
  class RequestKeepingForm extends NodeRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      const form = isPageForm(init?.body) ? init.body : undefined
      super(input, form ? { ...init, body: null } : init)
      if (form) {
        this.headers.set('content-type', 'multipart/form-data')
        pageForms.set(this, form)
      }
    }
  }
  globalThis.Request = RequestKeepingForm
}

/** Wraps the current fetch (MSW's, once it listens) so that a page's FormData leaves as Node's. */
export function sendFormDataAsNode() {
  const fetchBefore = globalThis.fetch
  globalThis.fetch = async (input, init) => {
    const form = input instanceof NodeRequest ? pageForms.get(input) : undefined
    if (form && input instanceof NodeRequest) {
      const headers = new Headers(input.headers)
      headers.delete('content-type') // Node writes it, with the boundary of the body it builds
      // Not the signal: the Request's is Node's, which jsdom's AbortSignal does not recognise.
      const { method, credentials, keepalive } = input
      return fetchBefore(input.url, { method, headers, credentials, keepalive, body: await toNodeFormData(form) })
    }
    if (isPageForm(init?.body)) return fetchBefore(input, { ...init, body: await toNodeFormData(init.body) })
    return fetchBefore(input, init)
  }
  return () => {
    globalThis.fetch = fetchBefore
  }
}
