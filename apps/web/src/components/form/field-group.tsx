import type { ReactNode } from 'react'
import { FieldHint } from './field-hint.tsx'

/** A question answered in several inputs (姓 and 名): one legend and hint for the group. */
export function FieldGroup({ id, legend, hint, children }: { id: string; legend: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset id={id} className="field" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <div className="field-row">{children}</div>
    </fieldset>
  )
}
