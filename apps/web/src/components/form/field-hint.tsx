import type { ReactNode } from 'react'

/** Support text under a label: what to enter and an example (never a placeholder). */
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null
  return (
    <div id={id} className="hint">
      {children}
    </div>
  )
}
