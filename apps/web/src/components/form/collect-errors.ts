import type { FieldErrors } from 'react-hook-form'
import { fieldId } from './field-ids.ts'
import type { SummaryError } from './error-summary.tsx'

// Keys react-hook-form puts on an error node beside the nested fields' errors.
const ERROR_NODE_KEYS = new Set(['type', 'message', 'ref', 'types', 'root'])

function walk(node: unknown, path: string[], out: SummaryError[]) {
  if (!node || typeof node !== 'object') return
  if ('message' in node && typeof node.message === 'string' && node.message) {
    out.push({ fieldId: fieldId(path.join('.')) || 'form', message: node.message })
  }
  for (const [key, child] of Object.entries(node)) {
    if (!ERROR_NODE_KEYS.has(key)) walk(child, [...path, key], out)
  }
}

function documentOrder(a: SummaryError, b: SummaryError): number {
  const first = document.getElementById(a.fieldId)
  const second = document.getElementById(b.fieldId)
  if (first === second) return 0
  if (!first || !second) return first ? -1 : 1
  return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
}

/** The visible label of a field, without its ※必須/※任意 mark. */
function labelOf(id: string): string | undefined {
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`)?.cloneNode(true)
  if (!(label instanceof HTMLElement)) return undefined
  label.querySelectorAll('.mark').forEach((mark) => mark.remove())
  return label.textContent?.trim() || undefined
}

/**
 * Every error of a form, flattened, in the order its fields appear on the page. A message shared
 * by several fields (「入力してください」 for 市区町村 and 町域・番地) is prefixed with each field's
 * label, so the summary still says which is which.
 */
export function collectErrors(errors: FieldErrors): SummaryError[] {
  const out: SummaryError[] = []
  walk(errors, [], out)
  const count = new Map<string, number>()
  for (const error of out) count.set(error.message, (count.get(error.message) ?? 0) + 1)
  return out.sort(documentOrder).map((error) => {
    const label = (count.get(error.message) ?? 0) > 1 ? labelOf(error.fieldId) : undefined
    return label ? { ...error, message: `${label}：${error.message}` } : error
  })
}
